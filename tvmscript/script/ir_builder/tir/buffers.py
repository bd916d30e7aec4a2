"""Buffers: ``T.Buffer``, allocations, declarations, matches and stores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from tvmscript.core.ir.dtype import DataType, normalize_dtype
from tvmscript.core.tir import affine, arith
from tvmscript.core.tir.buffer import Buffer as BufferNode
from tvmscript.core.tir.buffer import BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import BufferLoad, FloatImm, IntImm, PointerType, PrimExpr, Ramp, Var
from tvmscript.core.tir.layout import Layout, TileLayout
from tvmscript.core.tir.stmt import AllocBuffer, BufferStore, DeclBuffer
from tvmscript.script.ir_builder.base import IRBuilder, ir_method
from tvmscript.script.ir_builder.tir.frames import (
    PrimFuncFrame,
    SBlockFrame,
    add_stmt,
    block_frame,
    current_span,
    prim_func_frame,
)

ShapeLike = PrimExpr | int | str | Sequence[PrimExpr | int | str]

_BUFFER_TYPES = {"": "default", "default": "default", "auto_broadcast": "auto_broadcast"}


def _sym_var(name: str, dtype: str = "int32") -> Var:
    """The symbolic dimension ``name`` of the current function (created on first use)."""
    frame: PrimFuncFrame | None = None
    if IRBuilder.is_in_scope():
        frame = IRBuilder.current().find_frame(PrimFuncFrame)
    if frame is None:
        return Var(name, dtype, span=current_span())
    if (var := frame.sym_vars.get(name)) is None:
        var = frame.sym_vars[name] = Var(name, dtype, span=current_span())
    return var


def _dim(value: object) -> PrimExpr:
    if isinstance(value, str):
        return _sym_var(value)
    if isinstance(value, PrimExpr):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return arith.const(value)
    raise TypeError(f"expected a buffer dimension (int, expression or name), got {value!r}")


def as_shape(shape: ShapeLike) -> tuple[PrimExpr, ...]:
    """A buffer shape from an int, an expression, a name or a sequence of them."""
    if isinstance(shape, PrimExpr | int | str):
        return (_dim(shape),)
    if isinstance(shape, list | tuple):
        return tuple(_dim(d) for d in shape)
    raise TypeError(f"expected a buffer shape (tuple of dimensions), got {shape!r}")


def make_buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = 0,
    offset_factor: int = 0,
    buffer_type: str = "",
    axis_separators: Sequence[int] | None = None,
    name: str = "",
    *,
    byte_offset: PrimExpr | int | None = None,
    layout: Any = "default",
    allocated_addr: Any = None,
) -> BufferNode:
    """A new buffer with TVM's defaults (``BufferDecl``): fresh data pointer, 64-byte align."""
    dims = as_shape(shape)
    dtype = normalize_dtype(dtype)
    span = current_span()
    if data is None:
        storage = "int8" if DataType.of(dtype).is_bool else dtype
        data = Var(name, "handle", PointerType(storage, scope), span=span)
    elif not isinstance(data, Var):
        raise TypeError(f"expected a pointer variable for data, got {type(data).__name__!r}")
    if byte_offset is not None:
        if elem_offset is not None:
            raise ValueError("elem_offset and byte_offset cannot be set at the same time")
        elem_offset = arith.floordiv(arith.mul(byte_offset, 8), DataType.of(dtype).bits)
    offset: PrimExpr | None = None
    if elem_offset is not None:
        offset = arith.as_expr(elem_offset)
        if isinstance(offset, IntImm) and offset.value == 0:
            offset = None  # TVM's default offset: the same buffer
    elif offset_factor:
        offset = Var("elem_offset", dims[0].dtype if dims else "int32", span=span)
    if (kind := _BUFFER_TYPES.get(buffer_type)) is None:
        raise ValueError(f"expected buffer_type 'default' or 'auto_broadcast', got {buffer_type!r}")
    return BufferNode(
        data,
        dtype,
        dims,
        tuple(_dim(s) for s in strides or ()),
        offset,
        name,
        align if align > 0 else 64,
        offset_factor if offset_factor else 1,
        kind,
        tuple(axis_separators or ()),
        _layout(layout, dims, scope, not strides and align in (-1, 0, 64) and offset_factor < 2),
        _allocated_addr(allocated_addr),
        span=span,
    )


_UNPOOLED_LAYOUT_SCOPES: Final = frozenset({"trn.sbuf", "trn.psum"})


def _in_s_tir() -> bool:
    if not IRBuilder.is_in_scope():
        return False
    func = IRBuilder.current().find_frame(PrimFuncFrame)
    return func is None or func.s_tir


def _layout(layout: Any, shape: tuple[PrimExpr, ...], scope: str, plain: bool) -> Any:
    """The `BufferNode.layout` of a buffer declared with ``layout`` (see its field doc).

    A ``(1,)`` buffer with the default layout is a scalar only when nothing else about it is
    special (``plain``: no strides, default alignment and offset factor), as TVM prints it.
    """
    if layout is not None and not isinstance(layout, str | Layout):
        raise TypeError(f"expected a layout (T.TileLayout(...), 'default' or None), got {layout!r}")
    if _in_s_tir():
        return layout if isinstance(layout, Layout) else None
    if layout is None:
        return "none"
    if isinstance(layout, str):
        if layout != "default":
            raise ValueError(f"unknown layout {layout!r}: expected a T.TileLayout or 'default'")
        if scope in _UNPOOLED_LAYOUT_SCOPES:
            return "none"
        return "scalar" if _is_one(shape) and plain else None
    if isinstance(layout, TileLayout) and layout.is_default_for(shape):
        return "scalar" if _is_one(shape) and plain else None
    return layout


def _is_one(shape: tuple[PrimExpr, ...]) -> bool:
    return len(shape) == 1 and isinstance(dim := shape[0], IntImm) and dim.value == 1


def _allocated_addr(value: Any) -> tuple[PrimExpr, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list | tuple) else (value,)
    return tuple(arith.as_expr(v) for v in values)


def Buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = 0,
    offset_factor: int = 0,
    layout: Any = "default",
) -> BufferNode:
    """A buffer declaration, e.g. a parameter annotation ``A: T.Buffer((128,), "float32")``."""
    return make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor,
        byte_offset=byte_offset, layout=layout,
    )  # fmt: skip


def buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = 0,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
    buffer_name: str = "",
) -> BufferNode:
    """A buffer object (no statement): ``T.buffer((16,), "int32", buffer_name="B")``."""
    return make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor, name=buffer_name,
        byte_offset=byte_offset, layout=layout, allocated_addr=allocated_addr,
    )  # fmt: skip


def buffer_decl(*args: Any, **kwargs: Any) -> BufferNode:
    """The old spelling of `buffer` (TVM deprecates it)."""
    return buffer(*args, **kwargs)


def match_buffer(
    param: Var | BufferLoad | BufferRegion,
    shape: ShapeLike | None = None,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
) -> BufferNode:
    """Bind a handle parameter to a buffer, or (in a block) a buffer region to a new buffer."""
    if isinstance(param, BufferLoad):
        param = region_of(param)
    if isinstance(param, BufferRegion):
        if shape is None:
            shape = tuple(r.extent for r in param.region)
            dtype = param.buffer.dtype
        buf = make_buffer(
            shape, dtype, data, strides, elem_offset, scope, align, offset_factor, layout=layout
        )
        block_frame("T.match_buffer of a region").match_buffers.append(
            MatchBufferRegion(buf, param, span=buf.span)
        )
        return buf
    if not isinstance(param, Var):
        raise TypeError(f"expected a handle parameter or a buffer region, got {param!r}")
    if shape is None:
        raise ValueError("T.match_buffer of a parameter needs a shape")
    func = prim_func_frame("T.match_buffer")
    if not any(a is param for a in func.args):
        raise ValueError(f"T.match_buffer expects a parameter of the function, got '{param.name}'")
    if param in func.buffer_map:
        raise ValueError(f"parameter '{param.name}' is already matched to a buffer")
    buf = make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor, layout=layout
    )
    func.buffer_map[param] = buf
    return buf


def _ann_value(v: Any) -> Any:
    if isinstance(v, bool):
        return IntImm("bool", int(v))
    if isinstance(v, int):
        return IntImm("int32", v)
    if isinstance(v, float):
        return FloatImm("float32", v)
    return v


def alloc_buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """Allocate a buffer for the rest of the current scope (a flat ``AllocBuffer``)."""
    buf = make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor,
        byte_offset=byte_offset, layout=layout, allocated_addr=allocated_addr,
    )  # fmt: skip
    anns = {k: _ann_value(v) for k, v in (annotations or {}).items()}
    add_stmt(AllocBuffer(buf, anns, span=buf.span))
    return buf


def alloc_shared(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    *,
    scope: str = "shared",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """`alloc_buffer` in ``shared`` memory (one copy per CTA)."""
    return alloc_buffer(
        shape, dtype, data, strides, elem_offset, byte_offset, scope, align, offset_factor,
        layout, allocated_addr, annotations,
    )  # fmt: skip


def alloc_local(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    *,
    scope: str = "local",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """`alloc_buffer` in ``local`` (register) memory (one copy per thread)."""
    return alloc_buffer(
        shape, dtype, data, strides, elem_offset, byte_offset, scope, align, offset_factor,
        layout, allocated_addr, annotations,
    )  # fmt: skip


smem = alloc_shared


def tmem(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    *,
    scope: str = "tmem",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """`alloc_buffer` in tensor memory (``tmem``, Blackwell's accumulator storage)."""
    return alloc_buffer(
        shape, dtype, data, strides, elem_offset, byte_offset, scope, align, offset_factor,
        layout, allocated_addr, annotations,
    )  # fmt: skip


def sblock_alloc_buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = -1,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
) -> BufferNode:
    """Allocate a buffer owned by the innermost block (or the implicit root block)."""
    buf = make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor,
        layout=layout, allocated_addr=allocated_addr,
    )  # fmt: skip
    builder = IRBuilder.current()
    block = builder.find_frame(SBlockFrame)
    if block is not None:
        block.alloc_buffers.append(buf)
        return buf
    func = prim_func_frame("T.sblock_alloc_buffer")
    if not func.s_tir:
        raise ValueError(
            "T.sblock_alloc_buffer() is only for s_tir PrimFuncs; use T.alloc_buffer() instead"
        )
    func.root_alloc_buffers.append(buf)
    return buf


def decl_buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = 0,
    offset_factor: int = 0,
    layout: Any = "default",
    allocated_addr: Any = None,
) -> BufferNode:
    """Declare a buffer over ``data`` (a ``DeclBuffer``), or allocate one when ``data`` is None."""
    if allocated_addr is not None and scope == "shared.dyn":
        raise ValueError(
            "for 'shared.dyn' scope, T.decl_buffer does not take allocated_addr: "
            "the buffer lives where its data pointer (and elem_offset) put it"
        )
    buf = make_buffer(
        shape, dtype, data, strides, elem_offset, scope, align, offset_factor,
        byte_offset=byte_offset, layout=layout, allocated_addr=allocated_addr,
    )  # fmt: skip
    # Without `data` it allocates, unless `allocated_addr` places it in pooled storage.
    declares = data is not None or bool(buf.allocated_addr)
    add_stmt(DeclBuffer(buf, span=buf.span) if declares else AllocBuffer(buf, {}))
    return buf


@ir_method(BufferNode, "view")
def view(buffer: BufferNode, *shape: Any, layout: Any = None) -> BufferNode:
    """``A.view(32768)`` / ``A.view("uint64")``: a buffer over ``A``'s memory.

    With a dtype the last dimension shrinks or grows by the ratio of the element widths
    (``(2,) float32`` seen as ``(1,) uint64``); with a shape, ``-1`` stands for the rest.
    """
    if len(shape) == 1 and isinstance(shape[0], str):
        return _retyped_view(buffer, normalize_dtype(shape[0]))
    dims = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple | list) else shape
    return decl_buffer(
        _infer_shape(buffer, list(dims)), buffer.dtype, buffer.data, buffer.strides or None,
        buffer.elem_offset, None, buffer.scope, buffer.data_alignment,
        buffer.offset_factor if buffer.offset_factor > 1 else 0,
        "default" if layout is None else layout,
    )  # fmt: skip


@ir_method(BufferNode, "ptr_to")
def ptr_to(buffer: BufferNode, indices: Sequence[Any]) -> PrimExpr:
    """The address of element ``indices``: ``T.address_of(A[indices])``."""
    from tvmscript.core.tir.op import call_intrin

    load = BufferLoad(buffer, tuple(arith.as_expr(i) for i in indices))
    return call_intrin("handle", "tir.address_of", load)


_ACCESS_MASKS: Final = {"r": 1, "w": 2, "rw": 3, "wr": 3}


@ir_method(BufferNode, "access_ptr")
def access_ptr(
    buffer: BufferNode,
    access_mask: str | int,
    ptr_type: str = "handle",
    content_lanes: int = 1,
    offset: Any = 0,
    extent: Any = None,
) -> PrimExpr:
    """``T.tvm_access_ptr(...)`` to ``buffer`` from ``offset`` (``access_mask``: "r", "w")."""
    from tvmscript.core.tir.op import call_intrin

    del ptr_type, content_lanes
    mask = _ACCESS_MASKS[access_mask] if isinstance(access_mask, str) else access_mask
    if extent is None:
        size: Any = 1
        for d in buffer.shape:
            size = arith.mul(size, d)
        extent = arith.sub(size, offset)
    annotation = call_intrin(buffer.dtype, "tir.type_annotation")
    return call_intrin(
        "handle", "tir.tvm_access_ptr", annotation, buffer.data, offset, extent, mask
    )


@ir_method(BufferNode, "vload")
def vload(buffer: BufferNode, begin: Sequence[Any], dtype: str | None = None) -> PrimExpr:
    """A vector load at ``begin`` (``dtype``'s lanes along the last dimension)."""
    lanes = DataType.of(dtype).lanes if dtype is not None else 1
    return BufferLoad(buffer, _vector_indices(begin, lanes))


@ir_method(BufferNode, "vstore")
def vstore(buffer: BufferNode, begin: Sequence[Any], value: Any) -> None:
    """A vector store of ``value`` at ``begin`` (its lanes along the last dimension)."""
    lanes = DataType.of(arith.as_expr(value).dtype).lanes
    buffer_store(buffer, value, list(_vector_indices(begin, lanes)))


def _vector_indices(begin: Sequence[Any], lanes: int) -> tuple[PrimExpr, ...]:
    idx = [arith.as_expr(i) for i in begin]
    if lanes > 1 and idx:
        idx[-1] = Ramp(idx[-1], arith.make_const(idx[-1].dtype, 1), lanes)
    return tuple(idx)


@ir_method(BufferNode, "local")
def local(buffer: BufferNode, *shape: Any, layout: Any = None) -> BufferNode:
    """This thread's part of ``buffer`` as a local buffer of ``shape``."""
    dims = shape if shape else (buffer.shape[-1],) if buffer.shape else (1,)
    return decl_buffer(
        dims, buffer.dtype, buffer.data, None, buffer.elem_offset, None, buffer.scope,
        buffer.data_alignment, 0, "default" if layout is None else layout,
    )  # fmt: skip


@ir_method(BufferNode, "offset_of")
def offset_of(buffer: BufferNode, indices: Sequence[Any]) -> list[PrimExpr]:
    """The flat element offset of ``indices`` (row-major), as a one-element list."""
    offset: Any = 0
    for i, dim in zip(indices, buffer.shape, strict=False):
        offset = arith.add(arith.mul(offset, dim), i)
    return [arith.as_expr(offset)]


@ir_method(BufferNode, "elem_offset_of")
def elem_offset_of(buffer: BufferNode, indices: Sequence[Any]) -> PrimExpr:
    """The element offset of ``indices`` (``T.buffer_offset(A[i, j])``)."""
    from tvmscript.core.tir.op import call_intrin

    load = BufferLoad(buffer, tuple(arith.as_expr(i) for i in indices))
    return call_intrin("int32", "tirx.buffer_offset", load)


def _infer_shape(buffer: BufferNode, dims: list[Any]) -> list[Any]:
    if dims.count(-1) != 1:
        return dims
    known = [d for d in dims if not (isinstance(d, int) and d == -1)]
    total: Any = 1
    for e in buffer.shape:
        total = arith.mul(total, e)
    rest: Any = 1
    for e in known:
        rest = arith.mul(rest, e)
    return [arith.floordiv(total, rest) if isinstance(d, int) and d == -1 else d for d in dims]


def _retyped_view(buffer: BufferNode, dtype: str) -> BufferNode:
    have, want = DataType.of(buffer.dtype).bits, DataType.of(dtype).bits
    last = buffer.shape[-1] if buffer.shape else IntImm("int32", 1)
    offset = buffer.elem_offset
    if want >= have:
        if want % have:
            raise ValueError(f"cannot view '{buffer.dtype}' elements as '{dtype}'")
        ratio = want // have
        new_last = arith.floordiv(last, ratio)
        offset = None if offset is None else arith.floordiv(offset, ratio)
    else:
        if have % want:
            raise ValueError(f"cannot view '{buffer.dtype}' elements as '{dtype}'")
        ratio = have // want
        new_last = arith.mul(last, ratio)
        offset = None if offset is None else arith.mul(offset, ratio)
    dims = [*buffer.shape[:-1], new_last]
    return decl_buffer(
        dims, dtype, buffer.data, None, offset, None, buffer.scope, buffer.data_alignment
    )


def _index(value: object) -> PrimExpr:
    if isinstance(value, slice):
        start = arith.as_expr(0 if value.start is None else value.start)
        step = 1 if value.step is None else value.step
        if value.stop is None:
            raise ValueError("a vector store slice needs a stop")
        length = affine.extent(start, arith.as_expr(value.stop))
        lanes = arith.floordiv(arith.add(length, step - 1), step)
        if not isinstance(lanes, IntImm):
            raise ValueError("a vector store slice needs a constant length")
        if lanes.value == 1:
            return start
        return Ramp(start, arith.make_const(start.dtype, step), lanes.value)
    return arith.as_expr(value)


def buffer_store(
    buffer: BufferNode, value: PrimExpr | int | float | bool, indices: Sequence[Any] | Any
) -> None:
    """``buffer[indices] = value`` (slices store vectors); the value is cast to the element."""
    if not isinstance(buffer, BufferNode):
        raise TypeError(f"expected a buffer to store into, got {type(buffer).__name__!r}")
    if not isinstance(indices, list | tuple):
        indices = [indices]
    idx = tuple(_index(i) for i in indices)
    lanes = DataType.of(idx[-1].dtype).lanes if idx else 1
    elem = DataType.of(buffer.dtype)
    target = elem.with_lanes(elem.lanes * lanes)
    rhs = arith.as_expr(value)
    if rhs.dtype != target:
        if DataType.of(rhs.dtype).lanes != DataType.of(target).lanes:
            raise TypeError(
                f"cannot store a '{rhs.dtype}' value into '{target}' elements of '{buffer.name}'"
            )
        rhs = arith.cast(target, rhs)
    add_stmt(BufferStore(buffer, rhs, idx, span=current_span()))


def region_of(load: BufferLoad) -> BufferRegion:
    """The region a load touches: one element per index (a vector index spans its lanes)."""
    ranges = []
    for index in load.indices:
        if isinstance(index, Ramp) and isinstance(index.stride, IntImm) and index.stride.value == 1:
            ranges.append(_range(index.base, index.lanes))
        else:
            ranges.append(_range(index, 1))
    return BufferRegion(load.buffer, tuple(ranges))


def _range(start: PrimExpr, extent: int) -> Any:
    from tvmscript.core.tir.expr import Range

    return Range(start, arith.make_const(start.dtype, extent))
