"""Buffers: ``T.Buffer``, allocations, declarations, matches and stores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from tvmscript.core.ir.dtype import DataType, normalize_dtype
from tvmscript.core.tir import affine, arith
from tvmscript.core.tir.buffer import Buffer as BufferNode
from tvmscript.core.tir.buffer import BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import BufferLoad, FloatImm, IntImm, PointerType, PrimExpr, Ramp, Var
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
    offset: PrimExpr | None = None
    if elem_offset is not None:
        offset = arith.as_expr(elem_offset)
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
        span=span,
    )


def Buffer(
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
) -> BufferNode:
    """A buffer declaration, e.g. a parameter annotation ``A: T.Buffer((128,), "float32")``."""
    return make_buffer(
        shape,
        dtype,
        data,
        strides,
        elem_offset,
        scope,
        align,
        offset_factor,
        buffer_type,
        axis_separators,
    )


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
    buffer_type: str = "default",
    axis_separators: Sequence[int] | None = None,
) -> BufferNode:
    """Bind a handle parameter to a buffer, or (in a block) a buffer region to a new buffer."""
    if isinstance(param, BufferLoad):
        param = region_of(param)
    if isinstance(param, BufferRegion):
        if shape is None:
            shape = tuple(r.extent for r in param.region)
            dtype = param.buffer.dtype
        buf = make_buffer(
            shape,
            dtype,
            data,
            strides,
            elem_offset,
            scope,
            align,
            offset_factor,
            buffer_type,
            axis_separators,
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
        shape,
        dtype,
        data,
        strides,
        elem_offset,
        scope,
        align,
        offset_factor,
        buffer_type,
        axis_separators,
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
    scope: str = "global",
    align: int = -1,
    offset_factor: int = 0,
    buffer_type: str = "default",
    axis_separators: Sequence[int] | None = None,
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """Allocate a buffer for the rest of the current scope (a flat ``AllocBuffer``)."""
    buf = make_buffer(
        shape,
        dtype,
        data,
        strides,
        elem_offset,
        scope,
        align,
        offset_factor,
        buffer_type,
        axis_separators,
    )
    buf = _with_layout(buf)
    anns = {k: _ann_value(v) for k, v in (annotations or {}).items()}
    add_stmt(AllocBuffer(buf, anns, span=buf.span))
    return buf


def _with_layout(buf: BufferNode) -> BufferNode:
    """``buf`` with the layout TVM 0.27 gives it in a non-s_tir PrimFunc.

    There every buffer gets a layout: a ``(1,)`` one the scalar layout (printed as a scalar);
    the others follow from the shape and are not modelled.
    """
    if not (len(buf.shape) == 1 and isinstance(dim := buf.shape[0], IntImm) and dim.value == 1):
        return buf
    func = IRBuilder.current().find_frame(PrimFuncFrame)
    if func is None or func.s_tir:
        return buf
    return replace(buf, layout="scalar")


def alloc_shared(
    shape: ShapeLike,
    dtype: str = "float32",
    *,
    scope: str = "shared",
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """`alloc_buffer` in ``shared`` memory."""
    return alloc_buffer(shape, dtype, scope=scope, annotations=annotations)


def alloc_local(
    shape: ShapeLike,
    dtype: str = "float32",
    *,
    scope: str = "local",
    annotations: Mapping[str, Any] | None = None,
) -> BufferNode:
    """`alloc_buffer` in ``local`` (register) memory."""
    return alloc_buffer(shape, dtype, scope=scope, annotations=annotations)


def sblock_alloc_buffer(
    shape: ShapeLike,
    dtype: str = "float32",
    data: Var | None = None,
    strides: Sequence[PrimExpr | int | str] | None = None,
    elem_offset: PrimExpr | int | None = None,
    scope: str = "global",
    align: int = -1,
    offset_factor: int = 0,
    buffer_type: str = "default",
    axis_separators: Sequence[int] | None = None,
) -> BufferNode:
    """Allocate a buffer owned by the innermost block (or the implicit root block)."""
    buf = make_buffer(
        shape,
        dtype,
        data,
        strides,
        elem_offset,
        scope,
        align,
        offset_factor,
        buffer_type,
        axis_separators,
    )
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
    scope: str = "global",
    align: int = 0,
    offset_factor: int = 0,
    buffer_type: str = "default",
    axis_separators: Sequence[int] | None = None,
) -> BufferNode:
    """Declare a buffer over ``data`` (a ``DeclBuffer``), or allocate one when ``data`` is None."""
    buf = make_buffer(
        shape,
        dtype,
        data,
        strides,
        elem_offset,
        scope,
        align,
        offset_factor,
        buffer_type,
        axis_separators,
    )
    buf = _with_layout(buf)
    add_stmt(DeclBuffer(buf, span=buf.span) if data is not None else AllocBuffer(buf, {}))
    return buf


@ir_method(BufferNode, "view")
def view(buffer: BufferNode, *shape: Any, dtype: str | None = None) -> BufferNode:
    """``A.view(32768)``: a buffer over ``A``'s memory, declared in the current scope."""
    dims = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple | list) else shape
    return decl_buffer(dims, dtype or buffer.dtype, data=buffer.data, scope=buffer.scope)


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
