"""Printers of TIR statements (everything but blocks, loops and functions)."""

from __future__ import annotations

from collections.abc import Mapping

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Call, IntImm, IterVar, Op, Var
from tvmscript.core.tir.layout import Layout
from tvmscript.core.tir.stmt import (
    AllocBuffer,
    AssertStmt,
    AttrStmt,
    Bind,
    Break,
    Continue,
    DeclBuffer,
    Evaluate,
    IfThenElse,
    SeqStmt,
    While,
)
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import NULL_PATH, AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.tir.buffer import VarDef, buffer_attrs, buffer_call, is_scalar_buffer
from tvmscript.script.printer.tir.device import layout_text
from tvmscript.script.printer.tir.text import ATOM, arg_text, expr_doc
from tvmscript.script.printer.tir.utils import (
    as_doc_body,
    define_buffer,
    define_var,
    dtype_doc,
    find_lowest_var_def,
    is_ancestor_of_all_uses,
    is_s_tir,
    tir,
    type_doc,
    type_of,
    var_creation,
)
from tvmscript.script.tokens import Token


def _is_return(value: object) -> bool:
    if not isinstance(value, Call) or not isinstance(value.op, Op):
        return False
    return value.op.name == "tir.ret" and len(value.args) == 1


@register(Token.DEFAULT, Evaluate)
def _print_evaluate(ev: Evaluate, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    value = ev.value
    if _is_return(value):
        assert isinstance(value, Call)
        return D.ReturnDoc(d.as_doc(value.args[0], p.attr("value").attr("args").index(0)))
    doc = expr_doc(value, p.attr("value"), d)
    if isinstance(value, Call):
        return D.ExprStmtDoc(doc)
    return D.ExprStmtDoc(tir(d, "evaluate").call(doc))


@register(Token.DEFAULT, Bind)
def _print_bind(stmt: Bind, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    ann = type_doc(type_of(stmt.var), d)
    if isinstance(ann, D.LiteralDoc):  # void
        ann = None
    rhs = expr_doc(stmt.value, p.attr("value"), d)
    if d.is_defined(stmt.var):
        return D.AssignDoc(d.as_doc(stmt.var, p.attr("var")), rhs)
    lhs = define_var(stmt.var, d.frames[-1], d)
    if ann is not None:
        ann = tir(d, "let")[[ann]]
    return D.AssignDoc(lhs, rhs, ann)


@register(Token.DEFAULT, AssertStmt)
def _print_assert(stmt: AssertStmt, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    cond = d.as_doc(stmt.condition, p.attr("condition"))
    parts: list[D.ExprDoc] = [D.LiteralDoc(str(getattr(m, "value", m))) for m in stmt.message_parts]
    msg = D.TupleDoc([D.LiteralDoc(stmt.error_kind), D.ListDoc(parts)])
    return D.AssertDoc(cond, msg)


@register(Token.DEFAULT, While)
def _print_while(stmt: While, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    cond = d.as_doc(stmt.condition, p.attr("condition"))
    with d.frame(stmt) as f:
        as_doc_body(stmt.body, p.attr("body"), f, d)
    return D.WhileDoc(cond, f.stmts)


@register(Token.DEFAULT, Break)
def _print_break(stmt: Break, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    return D.ExprStmtDoc(D.IdDoc("break"))


@register(Token.DEFAULT, Continue)
def _print_continue(stmt: Continue, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    return D.ExprStmtDoc(D.IdDoc("continue"))


@register(Token.DEFAULT, IfThenElse)
def _print_if(stmt: IfThenElse, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    cond = d.as_doc(stmt.condition, p.attr("condition"))
    with d.frame(stmt.then_case) as f:
        as_doc_body(stmt.then_case, p.attr("then_case"), f, d)
    else_branch: list[D.StmtDoc] = []
    if stmt.else_case is not None:
        with d.frame(stmt.else_case) as g:
            as_doc_body(stmt.else_case, p.attr("else_case"), g, d)
        else_branch = g.stmts
    return D.IfDoc(cond, f.stmts, else_branch)


@register(Token.DEFAULT, SeqStmt)
def _print_seq(stmt: SeqStmt, p: AccessPath, d: IRDocsifier) -> D.Doc:
    with d.frame(stmt) as f:
        as_doc_body(stmt, p, f, d)
    return D.StmtBlockDoc(f.stmts)


@register(Token.DEFAULT, DeclBuffer)
def _print_decl_buffer(stmt: DeclBuffer, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    frame = d.frames[-1]
    buffer = stmt.buffer
    # A declaration over fresh storage (tensor memory at `allocated_addr`) defines its pointer.
    fresh = not d.is_defined(buffer.data) and bool(buffer.allocated_addr)
    attrs = buffer_attrs(
        buffer, p.attr("buffer"), frame, d, VarDef.DATA_POINTER if fresh else VarDef.NONE
    )
    src = _view_source(buffer, d)
    rhs: D.ExprDoc
    if src is not None and src.dtype != buffer.dtype:
        rhs = d.as_doc(src, p.attr("buffer")).attr("view").call(D.LiteralDoc(buffer.dtype))
    elif src is not None:
        kwargs = [("layout", attrs["layout"])] if isinstance(buffer.layout, Layout) else []
        shape = attrs["shape"].elements  # type: ignore[attr-defined]
        rhs = d.as_doc(src, p.attr("buffer")).attr("view").call(*shape, kwargs=kwargs)
    elif is_scalar_buffer(buffer, d):
        rhs = _decl_scalar(buffer, attrs, d)
    else:
        rhs = buffer_call(tir(d, "decl_buffer"), attrs)
    return D.AssignDoc(define_buffer(buffer, frame, d), rhs)


def _decl_scalar(buffer: Buffer, attrs: dict[str, D.ExprDoc], d: IRDocsifier) -> D.ExprDoc:
    """``T.decl_scalar(T.uint32, data=a.data, elem_offset=0, scope="shared")``."""
    kwargs: list[tuple[str, D.ExprDoc]] = []
    if "data" in attrs:
        kwargs.append(("data", attrs["data"]))
    offset = buffer.elem_offset
    kwargs.append(
        ("elem_offset", D.LiteralDoc(0) if offset is None else d.as_doc(offset, NULL_PATH))
    )
    kwargs.append(("scope", D.LiteralDoc(buffer.scope)))
    return tir(d, "decl_scalar").call(tir(d, buffer.dtype), kwargs=kwargs)


def _view_source(buffer: Buffer, d: IRDocsifier) -> Buffer | None:
    """The buffer ``buffer`` is a view of (``A.view(...)``, ``A.view("uint64")``), if any."""
    src = d.extra.get("data_owner", {}).get(id(buffer.data))
    if src is None or src is buffer or src.scope != buffer.scope or buffer.strides:
        return None
    if buffer.data_alignment != src.data_alignment or buffer.allocated_addr:
        return None
    if src.dtype != buffer.dtype:
        if isinstance(buffer.layout, Layout):
            return None
        return src if _retyped(src, buffer) else None
    if _same_shape(src.shape, buffer.shape):
        return None
    if buffer.elem_offset is not None and not _is_zero(buffer.elem_offset):
        return None
    return src  # type: ignore[no-any-return]


def _is_zero(e: object) -> bool:
    return isinstance(e, IntImm) and e.value == 0


def _retyped(src: Buffer, view: Buffer) -> bool:
    """Whether ``view`` is ``src.view(view.dtype)`` (the last dimension rescaled)."""
    if len(src.shape) != len(view.shape) or not _same_shape(src.shape[:-1], view.shape[:-1]):
        return False
    a, b = src.shape[-1] if src.shape else None, view.shape[-1] if view.shape else None
    if not isinstance(a, IntImm) or not isinstance(b, IntImm):
        return False
    have, want = DataType.of(src.dtype).bits, DataType.of(view.dtype).bits
    return a.value * have == b.value * want


def _same_shape(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x is y:
            continue
        if isinstance(x, IntImm) and isinstance(y, IntImm) and x.value == y.value:
            continue
        return False
    return True


def note_data_owner(buffer: Buffer, d: IRDocsifier) -> None:
    """Remember that ``buffer`` defined its data pointer (views print as ``buffer.view``)."""
    d.extra.setdefault("data_owner", {}).setdefault(id(buffer.data), buffer)


@register(Token.DEFAULT, AllocBuffer)
def _print_alloc_buffer(stmt: AllocBuffer, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    buffer = stmt.buffer
    buffer_p = p.attr("buffer")
    frame = d.frames[-1]
    if not d.is_defined(buffer.data):
        d.define_with(buffer.data, frame, lambda: d.as_doc(buffer, buffer_p).attr("data"))
        note_data_owner(buffer, d)
    args: list[D.ExprDoc] = []
    shape_p = buffer_p.attr("shape")
    shape: list[D.ExprDoc] = []
    for i, e in enumerate(buffer.shape):
        if isinstance(e, Var) and not d.is_defined(e):
            lhs = define_var(e, frame, d)
            frame.stmts.append(D.AssignDoc(lhs, _creation(e, shape_p.index(i), d)))
        shape.append(d.as_doc(e, shape_p.index(i)))
    if buffer.layout == "scalar" or (
        buffer.layout is None and not is_s_tir(d) and _is_one(buffer) and _plain(buffer)
    ):
        d.extra.setdefault("scalars", set()).add(id(buffer))
        return D.AssignDoc(define_buffer(buffer, frame, d), None, tir(d, buffer.dtype))
    args.append(D.TupleDoc(shape))
    if buffer.dtype != d.cfg.buffer_dtype:
        args.append(dtype_doc(buffer.dtype))
    kwargs: list[tuple[str, D.ExprDoc]] = []
    method = "alloc_buffer"
    scope = buffer.scope
    if buffer.strides:
        strides_p = buffer_p.attr("strides")
        strides = [d.as_doc(e, strides_p.index(i)) for i, e in enumerate(buffer.strides)]
        kwargs.append(("strides", D.TupleDoc(strides)))
    if (off := buffer.elem_offset) is not None and not (isinstance(off, IntImm) and off.value == 0):
        kwargs.append(("elem_offset", d.as_doc(off, buffer_p.attr("elem_offset"))))
    if scope in ("local", "shared"):
        method = f"alloc_{scope}"
    elif scope != "global":
        kwargs.append(("scope", D.LiteralDoc(scope)))
    kwargs.extend(layout_kwargs(buffer, d))
    if stmt.annotations:
        kwargs.append(("annotations", d.as_doc(stmt.annotations, p.attr("annotations"))))
    rhs = tir(d, method).call(*args, kwargs=kwargs)
    return D.AssignDoc(define_buffer(buffer, frame, d), rhs)


def layout_kwargs(buffer: Buffer, d: IRDocsifier) -> list[tuple[str, D.ExprDoc]]:
    """``align=``, ``offset_factor=``, ``layout=`` and ``allocated_addr=`` of a TIRx buffer."""
    out: list[tuple[str, D.ExprDoc]] = []
    if buffer.data_alignment != 64:
        out.append(("align", D.LiteralDoc(buffer.data_alignment)))
    if buffer.offset_factor != 1:
        out.append(("offset_factor", D.LiteralDoc(buffer.offset_factor)))
    if buffer.layout == "none" and not is_s_tir(d):
        out.append(("layout", D.LiteralDoc(None)))
    elif isinstance(buffer.layout, Layout):
        out.append(("layout", D.TextDoc(layout_text(buffer.layout, d), ATOM)))
    if buffer.allocated_addr:
        addrs: list[D.ExprDoc] = [D.TextDoc(arg_text(a, d), ATOM) for a in buffer.allocated_addr]
        out.append(("allocated_addr", addrs[0] if len(addrs) == 1 else D.TupleDoc(addrs)))
    return out


def _plain(buffer: Buffer) -> bool:
    """No strides, the default alignment and offset factor (what a scalar buffer has)."""
    return not buffer.strides and buffer.data_alignment == 64 and buffer.offset_factor == 1


def _is_one(buffer: Buffer) -> bool:
    return (
        len(buffer.shape) == 1
        and isinstance(buffer.shape[0], IntImm)
        and buffer.shape[0].value == 1
    )


def _creation(var: Var, p: AccessPath, d: IRDocsifier) -> D.ExprDoc:
    return var_creation(var, p, d)


# ---------------------------------------------------------------------------------------------
# AttrStmt: `T.launch_thread` for thread extents, `T.attr` otherwise.


def _launch_thread(stmt: AttrStmt, p: AccessPath, d: IRDocsifier) -> tuple[D.ExprDoc, Var | None]:
    iv = stmt.node
    assert isinstance(iv, IterVar)
    iv_p = p.attr("node")
    define: Var | None = None
    var_doc: D.ExprDoc
    if d.is_defined(iv.var):
        var_doc = d.as_doc(iv.var, iv_p.attr("var"))
    elif is_ancestor_of_all_uses(stmt, iv.var, d):
        var_doc = D.LiteralDoc(iv.thread_tag)
        define = iv.var
    else:
        frame = find_lowest_var_def(iv.var, d) or d.frames[-1]
        define_var(iv.var, frame, d)
        env = tir(d, "env_thread").call(D.LiteralDoc(iv.thread_tag))
        frame.stmts.append(D.AssignDoc(d.as_doc(iv.var, iv_p.attr("var")), env))
        var_doc = d.as_doc(iv.var, iv_p.attr("var"))
    value = d.as_doc(stmt.value, p.attr("value"))
    return tir(d, "launch_thread").call(var_doc, value), define


@register(Token.DEFAULT, AttrStmt)
def _print_attr_stmt(stmt: AttrStmt, p: AccessPath, d: IRDocsifier) -> D.Doc:
    concise = d.frames[-1].allow_concise_scoping
    define: Var | None = None
    rhs: D.ExprDoc | None = None
    if stmt.attr_key in ("thread_extent", "virtual_thread") and isinstance(stmt.node, IterVar):
        rhs, define = _launch_thread(stmt, p, d)
    if rhs is None and stmt.attr_key == "tirx_hint" and isinstance(stmt.node, Mapping):
        rhs = _hint_call(stmt.node, d)
    if rhs is None:
        key = D.LiteralDoc(stmt.attr_key)
        value = d.as_doc(stmt.value, p.attr("value"))
        if stmt.node is None or (isinstance(stmt.node, IntImm) and stmt.node.value == 0):
            rhs = tir(d, "attr").call(D.DictDoc([key], [value]))
        else:
            rhs = tir(d, "attr").call(d.as_doc(stmt.node, p.attr("node")), key, value)
    with d.frame(stmt) as f:
        lhs = define_var(define, f, d) if define is not None else None
        as_doc_body(stmt.body, p.attr("body"), f, d)
    if concise:
        head: D.StmtDoc = D.ExprStmtDoc(rhs) if lhs is None else D.AssignDoc(lhs, rhs)
        return D.StmtBlockDoc([head, *f.stmts])
    return D.ScopeDoc(lhs, rhs, f.stmts)


def _hint_call(node: Mapping[str, object], d: IRDocsifier) -> D.ExprDoc:
    """``T.hint("message", key=value, ...)``."""
    message = str(node.get("message", ""))
    kwargs = [(k, d.as_doc(v, NULL_PATH)) for k, v in node.items() if k != "message"]
    args: list[D.ExprDoc] = [D.LiteralDoc(message)] if message else []
    return tir(d, "hint").call(*args, kwargs=kwargs)
