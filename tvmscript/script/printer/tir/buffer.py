"""Printers of buffers: declarations, loads, stores and regions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir.buffer import Buffer, BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import BufferLoad, IntImm, PrimExpr, Ramp, Var
from tvmscript.core.tir.layout import Layout
from tvmscript.core.tir.stmt import BufferStore
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.expr_text import child_text
from tvmscript.script.printer.ir_docsifier import Frame, IRDocsifier, register, register_named_type
from tvmscript.script.printer.tir.device import layout_text
from tvmscript.script.printer.tir.text import (
    ATOM,
    TEXT_PRINTERS,
    Text,
    arg_text,
    expr_doc,
    register_text,
)
from tvmscript.script.printer.tir.utils import (
    define_buffer,
    define_var,
    dtype_doc,
    field_names,
    find_lowest_var_def,
    is_s_tir,
    tir,
    var_creation,
)
from tvmscript.script.tokens import Token

_KWARG_ORDER = ("data", "strides", "elem_offset", "scope", "align", "offset_factor",
                "buffer_type", "axis_separators", "layout", "allocated_addr")  # fmt: skip


class VarDef(IntEnum):
    """Which variables a buffer declaration defines along with the buffer."""

    NONE = 0  # all parameters defined before (DeclBuffer)
    DATA_POINTER = 1  # the data pointer (alloc_buffer)
    MATCH_BUFFER = 2  # the data pointer and any new shape/stride/offset variable


def _count_uses(buffer: Buffer) -> dict[int, int]:
    """How often each variable occurs in ``buffer``'s data, strides, offset and shape."""
    off = buffer.elem_offset
    if (
        not buffer.strides
        and (off is None or type(off) is IntImm)
        and all(type(e) is IntImm for e in buffer.shape)
    ):  # the common case: constant shape, only the data pointer
        return {id(buffer.data): 1}
    counts: dict[int, int] = {}

    def visit(e: PrimExpr | None) -> None:
        if isinstance(e, Var):
            counts[id(e)] = counts.get(id(e), 0) + 1
        elif e is not None and not isinstance(e, IntImm):
            for child in _children(e):
                visit(child)

    visit(buffer.elem_offset)
    visit(buffer.data)
    for e in buffer.strides:
        visit(e)
    for e in buffer.shape:
        visit(e)
    return counts


def _children(e: PrimExpr) -> list[PrimExpr]:
    out: list[PrimExpr] = []
    for name in field_names(e):
        value = getattr(e, name)
        if isinstance(value, PrimExpr):
            out.append(value)
        elif isinstance(value, tuple):
            out.extend(v for v in value if isinstance(v, PrimExpr))
    return out


def buffer_attrs(
    buffer: Buffer,
    p: AccessPath,
    frame: Frame,
    d: IRDocsifier,
    var_def: VarDef,
    signature: Sequence[Var] | None = None,
) -> dict[str, D.ExprDoc]:
    """The keyword docs of a buffer declaration; new variables are defined as TVM does.

    ``signature`` (the function's parameters) marks a declaration in a function signature,
    where a new shape variable is named by a string at its first use.
    """
    defs = _VarDefs(buffer, frame, d)
    kwargs: dict[str, D.ExprDoc] = {}
    # Step 1. Shape.
    kwargs["shape"] = _shape_doc(buffer, p.attr("shape"), frame, d, signature, defs)
    # Step 2. Dtype.
    if buffer.dtype != d.cfg.buffer_dtype:
        kwargs["dtype"] = dtype_doc(buffer.dtype)
    # Step 3. Data pointer.
    if not _data_inlined(buffer, p, d, var_def, defs):
        kwargs["data"] = d.as_doc(buffer.data, p.attr("data"))
    # Step 4. Strides.
    if buffer.strides:
        kwargs["strides"] = _strides(buffer, p, d, defs)
    # Step 5. Element offset.
    needs_factor = False
    off = buffer.elem_offset
    if isinstance(off, Var) and defs.is_new(off):
        defs.try_inline(off, p.attr("elem_offset"), lambda: d.as_doc(buffer, p).attr("elem_offset"))
        needs_factor = True
    elif off is not None and not (isinstance(off, IntImm) and off.value == 0):
        kwargs["elem_offset"] = d.as_doc(off, p.attr("elem_offset"))
    # Steps 6-10. Scope, alignment, offset factor, type, axis separators.
    _plain_attrs(buffer, needs_factor, kwargs, d)
    defs.emit()
    return kwargs


class _VarDefs:
    """The variables a buffer declaration defines: inline (``A.data``) or before it."""

    __slots__ = ("d", "frame", "lhs", "rhs", "uses")

    def __init__(self, buffer: Buffer, frame: Frame, d: IRDocsifier) -> None:
        self.d = d
        self.frame = frame
        self.lhs: list[D.ExprDoc] = []
        self.rhs: list[D.ExprDoc] = []
        self.uses = _count_uses(buffer)

    def is_new(self, e: object) -> bool:
        return isinstance(e, Var) and not self.d.is_defined(e)

    def out_of_line(self, var: Var, var_p: AccessPath) -> None:
        """``var = T.int32()`` before the declaration."""
        self.lhs.append(define_var(var, self.frame, self.d))
        self.rhs.append(var_creation(var, var_p, self.d))

    def try_inline(self, var: Var, var_p: AccessPath, creator: Callable[[], D.ExprDoc]) -> bool:
        """Print ``var`` as ``creator()`` when the buffer uses it once, else out of line."""
        if self.uses.get(id(var), 0) == 1:
            self.d.define_with(var, self.frame, creator)
            return True
        self.out_of_line(var, var_p)
        return False

    def emit(self) -> None:
        """The out-of-line definitions, as one statement."""
        if len(self.lhs) == 1:
            self.frame.stmts.append(D.AssignDoc(self.lhs[0], self.rhs[0]))
        elif self.lhs:
            self.frame.stmts.append(D.AssignDoc(D.TupleDoc(self.lhs), D.TupleDoc(self.rhs)))


def _data_inlined(
    buffer: Buffer, p: AccessPath, d: IRDocsifier, var_def: VarDef, defs: _VarDefs
) -> bool:
    """Define a new data pointer; whether it prints inline (``A.data``) with no keyword."""
    if not defs.is_new(buffer.data):
        return False
    if var_def < VarDef.DATA_POINTER:
        defs.out_of_line(buffer.data, p.attr("data"))
        return False
    inline = defs.try_inline(buffer.data, p.attr("data"), lambda: d.as_doc(buffer, p).attr("data"))
    if inline:  # a later decl over the same data may print as `buffer.view(...)`
        d.extra.setdefault("data_owner", {}).setdefault(id(buffer.data), buffer)
    return inline


def _plain_attrs(
    buffer: Buffer, needs_factor: bool, kwargs: dict[str, D.ExprDoc], d: IRDocsifier
) -> None:
    """The keywords that define no variable, where they differ from the defaults."""
    if (scope := buffer.scope) != "global":
        kwargs["scope"] = D.LiteralDoc(scope)
    if buffer.data_alignment != 64:
        kwargs["align"] = D.LiteralDoc(buffer.data_alignment)
    if needs_factor or buffer.offset_factor != 1:
        kwargs["offset_factor"] = D.LiteralDoc(buffer.offset_factor)
    if buffer.buffer_type != "default":
        kwargs["buffer_type"] = D.LiteralDoc("auto")
    if buffer.axis_separators:
        kwargs["axis_separators"] = D.ListDoc([D.LiteralDoc(a) for a in buffer.axis_separators])
    if buffer.layout == "none":
        kwargs["layout"] = D.LiteralDoc(None)
    elif isinstance(buffer.layout, Layout):
        kwargs["layout"] = D.TextDoc(layout_text(buffer.layout, d), ATOM)
    if buffer.allocated_addr:
        addrs: list[D.ExprDoc] = [D.TextDoc(arg_text(a, d), ATOM) for a in buffer.allocated_addr]
        kwargs["allocated_addr"] = addrs[0] if len(addrs) == 1 else D.TupleDoc(addrs)


def _shape_doc(
    buffer: Buffer,
    shape_p: AccessPath,
    frame: Frame,
    d: IRDocsifier,
    signature: Sequence[Var] | None,
    defs: _VarDefs,
) -> D.TupleDoc:
    """The shape, defining its new variables.

    In a signature a string names an int32 one at its first use (``"n"``, re-declared in the
    body) and a wider one is a module-level ``n = TypeVar("n")``; elsewhere they are declared
    before the buffer.
    """
    shape: list[D.ExprDoc] = []
    for i, e in enumerate(buffer.shape):
        e_p = shape_p.index(i)
        if not isinstance(e, Var):
            shape.append(expr_doc(e, e_p, d))
            continue
        if d.is_defined(e):
            shape.append(d.as_doc(e, e_p))
            continue
        name = define_var(e, frame, d)
        if signature is None:
            defs.lhs.append(name)
            defs.rhs.append(var_creation(e, e_p, d))
            shape.append(d.as_doc(e, e_p))
        elif e.dtype != "int32":
            if isinstance(name, D.IdDoc):
                d.extra.setdefault("type_vars", set()).add(name.name)
            shape.append(name)
        else:
            # A name that is no identifier (``"n * m"``) cannot be re-declared; TVM does not.
            if e.name.isidentifier() and not any(e is q for q in signature):
                defs.lhs.append(d.as_doc(e, e_p))
                defs.rhs.append(var_creation(e, e_p, d))
            shape.append(D.LiteralDoc(e.name))
    return D.TupleDoc(shape)


def _strides(
    buffer: Buffer,
    p: AccessPath,
    d: IRDocsifier,
    defs: _VarDefs,
) -> D.TupleDoc:
    strides_p = p.attr("strides")
    out: list[D.ExprDoc] = []
    for i, e in enumerate(buffer.strides):
        e_p = strides_p.index(i)
        if isinstance(e, Var) and defs.is_new(e):

            def creator(i: int = i) -> D.ExprDoc:
                return d.as_doc(buffer, p).attr("strides")[[D.LiteralDoc(i)]]  # type: ignore[no-any-return]

            if defs.try_inline(e, e_p, creator):
                out.append(D.LiteralDoc(e.name))
                continue
        out.append(d.as_doc(e, e_p))
    return D.TupleDoc(out)


def buffer_call(
    prefix: D.ExprDoc, attrs: dict[str, D.ExprDoc], args: Sequence[D.ExprDoc] = ()
) -> D.CallDoc:
    """``prefix(args, shape, dtype, data=..., strides=..., ...)``."""
    pos = list(args)
    pos.extend(attrs[k] for k in ("shape", "dtype") if k in attrs)
    kwargs = [(k, attrs[k]) for k in _KWARG_ORDER if k in attrs]
    return prefix.call(*pos, kwargs=kwargs)


def buffer_decl(
    buffer: Buffer,
    method: str,
    args: Sequence[D.ExprDoc],
    p: AccessPath,
    frame: Frame,
    d: IRDocsifier,
    var_def: VarDef,
) -> D.CallDoc:
    """``T.method(args, shape, dtype, ...)`` declaring ``buffer``."""
    return buffer_call(tir(d, method), buffer_attrs(buffer, p, frame, d, var_def), args)


def buffer_annotation(
    buffer: Buffer, p: AccessPath, frame: Frame, d: IRDocsifier, params: Sequence[Var]
) -> D.CallDoc:
    """``T.Buffer(shape, dtype, ...)`` as a parameter annotation (dtype always shown)."""
    attrs = buffer_attrs(buffer, p, frame, d, VarDef.MATCH_BUFFER, signature=params)
    attrs.setdefault("dtype", dtype_doc(buffer.dtype))
    return buffer_call(tir(d, "Buffer"), attrs)


def indices_text(indices: Sequence[PrimExpr], d: IRDocsifier, slices: bool = False) -> str:
    """``[indices]`` (``[()]`` without any).

    With ``slices`` (a store's indices) a constant-stride `Ramp` prints as a slice
    ``base:base + n``; a load keeps ``T.Ramp(...)``, as TVM 0.27 prints them.
    """
    if not indices:
        return "[()]"
    out: list[str] = []
    printers = TEXT_PRINTERS  # indices are expressions: straight to their printers
    for e in indices:
        if slices and type(e) is Ramp and isinstance(e.stride, IntImm):
            start = arg_text(e.base, d)
            stop_e = arith.add(
                e.base, arith.mul(arith.make_const(e.stride.dtype, e.lanes), e.stride)
            )
            text = start + ":" + arg_text(stop_e, d)
            if e.stride.value != 1:
                text += ":" + arg_text(e.stride, d)
            out.append(text)
        else:
            out.append(printers[type(e)](e, d)[0])
    return "[" + ", ".join(out) + "]"


def is_scalar_buffer(buffer: Buffer, d: IRDocsifier) -> bool:
    """Whether ``buffer`` prints as a scalar (``x: T.int32``; outside s_tir functions)."""
    if buffer.layout == "scalar":
        return True
    if len(buffer.shape) != 1 or is_s_tir(d) or buffer.layout is not None:
        return False
    dim = buffer.shape[0]
    return isinstance(dim, IntImm) and dim.value == 1 and id(buffer) in d.extra.get("scalars", ())


@register_text(BufferRegion)
def _buffer_region_text(r: BufferRegion, d: IRDocsifier) -> Text:
    """``A[i, 0:4]``: a point where the extent is 1, else a slice."""
    buf = child_text(d.as_doc(r.buffer, NULL_PATH), ATOM)
    out: list[str] = []
    printers = TEXT_PRINTERS
    for rng in r.region:
        start = printers[type(rng.min)](rng.min, d)[0]
        extent = rng.extent
        if isinstance(extent, IntImm) and extent.value == 1:
            out.append(start)
        else:
            out.append(start + ":" + arg_text(arith.add(rng.min, extent), d))
    return buf + ("[" + ", ".join(out) + "]" if out else "[()]"), ATOM


@register(Token.DEFAULT, BufferStore)
def _print_buffer_store(store: BufferStore, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    buf = d.as_doc(store.buffer, p.attr("buffer"))
    value = expr_doc(store.value, p.attr("value"), d)
    if store.predicate is not None:
        indices = d.as_doc(store.indices, p.attr("indices"))
        pred = d.as_doc(store.predicate, p.attr("predicate"))
        return D.ExprStmtDoc(buf.attr("vstore").call(indices, value, kwargs=[("predicate", pred)]))
    if is_scalar_buffer(store.buffer, d):
        return D.AssignDoc(buf, value)
    lhs = child_text(buf, ATOM) + indices_text(store.indices, d, slices=True)
    return D.AssignDoc(D.TextDoc(lhs, ATOM), value)


@register_text(BufferLoad)
def _buffer_load_text(load: BufferLoad, d: IRDocsifier) -> Text:
    buf = child_text(d.as_doc(load.buffer, NULL_PATH), ATOM)
    if load.predicate is not None:
        indices = arg_text(load.indices, d)
        pred = arg_text(load.predicate, d)
        return buf + ".vload(" + indices + ", predicate=" + pred + ")", ATOM
    if is_scalar_buffer(load.buffer, d):
        return buf, ATOM
    return buf + indices_text(load.indices, d), ATOM


def _print_buffer(buffer: Buffer, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    if not d.is_defined(buffer) and (frame := find_lowest_var_def(buffer, d)) is not None:
        lhs = define_buffer(buffer, frame, d)
        rhs = buffer_decl(buffer, "Buffer", (), p, frame, d, VarDef.DATA_POINTER)
        frame.stmts.append(D.AssignDoc(lhs, rhs))
    if (doc := d.get_var_doc(buffer)) is not None:
        return doc
    raise IndexError(f"buffer is not defined in the environment: {buffer.name}")


register(Token.DEFAULT, Buffer)(_print_buffer)
register_named_type(Buffer)  # a defined buffer prints as its name


@register(Token.DEFAULT, MatchBufferRegion)
def _print_match_buffer_region(m: MatchBufferRegion, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    frame = d.frames[-1]
    lhs = define_buffer(m.buffer, frame, d)
    src = d.as_doc(m.source, p.attr("source"))
    rhs = buffer_decl(
        m.buffer, "match_buffer", [src], p.attr("buffer"), frame, d, VarDef.MATCH_BUFFER
    )
    return D.AssignDoc(lhs, rhs)


def elem_dtype_bits(buffer: Buffer) -> int:
    """Bits of one element (for view arithmetic)."""
    return DataType.of(buffer.dtype).bits
