"""Printers of TIR statements (everything but blocks, loops and functions)."""

from __future__ import annotations

from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Call, IntImm, IterVar, Op, Var
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
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.tir.buffer import VarDef, buffer_attrs, buffer_call
from tvmscript.script.printer.tir.text import expr_doc
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
    attrs = buffer_attrs(buffer, p.attr("buffer"), frame, d, VarDef.NONE)
    src = _view_source(buffer, attrs, d)
    if src is not None:
        rhs: D.ExprDoc = d.as_doc(src, p.attr("buffer")).attr("view").call(*attrs["shape"].elements)  # type: ignore[attr-defined]
    else:
        rhs = buffer_call(tir(d, "decl_buffer"), attrs)
    return D.AssignDoc(define_buffer(buffer, frame, d), rhs)


def _view_source(buffer: Buffer, attrs: dict[str, D.ExprDoc], d: IRDocsifier) -> Buffer | None:
    """The buffer ``buffer`` is a reshaped view of (``A.view(...)``), if it is one."""
    if not set(attrs) <= {"shape", "dtype", "data"}:
        return None
    src = d.extra.get("data_owner", {}).get(id(buffer.data))
    if src is None or src.dtype != buffer.dtype or src is buffer:
        return None
    if _same_shape(src.shape, buffer.shape):
        return None
    return src  # type: ignore[no-any-return]


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
    if buffer.layout == "scalar" or (not is_s_tir(d) and _is_one(buffer)):
        d.extra.setdefault("scalars", set()).add(id(buffer))
        return D.AssignDoc(define_buffer(buffer, frame, d), None, tir(d, buffer.dtype))
    args.append(D.TupleDoc(shape))
    if buffer.dtype != d.cfg.buffer_dtype:
        args.append(dtype_doc(buffer.dtype))
    kwargs: list[tuple[str, D.ExprDoc]] = []
    method = "alloc_buffer"
    scope = buffer.scope
    if scope in ("local", "shared"):
        method = f"alloc_{scope}"
    elif scope != "global":
        kwargs.append(("scope", D.LiteralDoc(scope)))
    if stmt.annotations:
        kwargs.append(("annotations", d.as_doc(stmt.annotations, p.attr("annotations"))))
    rhs = tir(d, method).call(*args, kwargs=kwargs)
    return D.AssignDoc(define_buffer(buffer, frame, d), rhs)


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
