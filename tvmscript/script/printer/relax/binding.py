"""Printers of bindings and regions: ``x: ann = value``, ``R.match_cast``, ``if``/``else``.

Also sequences of bindings, ``with R.dataflow():`` and its ``R.output(...)``.
"""

from __future__ import annotations

from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import PrimStructInfo
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.relax.utils import (
    RelaxFrame,
    define_relax_var,
    is_void,
    relax,
    struct_info_as_ann,
)
from tvmscript.script.tokens import Token


def binding_annotation(b: rx.Binding, p: AccessPath, d: IRDocsifier) -> D.ExprDoc | None:
    """The binding's annotation; a scalar's is always printed (as TVM)."""
    var_p = p.attr("var")
    ann = struct_info_as_ann(b.var, var_p, d, b.value)  # type: ignore[attr-defined]
    if ann is None and isinstance(b.var.struct_info, PrimStructInfo):
        ann = d.as_doc(b.var.struct_info, var_p.attr("struct_info"))
    return ann


@register(Token.DEFAULT, rx.VarBinding)
def _print_var_binding(b: rx.VarBinding, p: AccessPath, d: IRDocsifier) -> D.Doc:
    value, value_p = b.value, p.attr("value")
    frame = d.frames[-1]
    # Step 1. `if` binds its variable at the end of each branch.
    if isinstance(value, rx.If):
        ann = binding_annotation(b, p, d)
        lhs = define_relax_var(b.var, frame, d)
        return print_if(value, value_p, d, lhs, ann)
    # Step 2. A local function prints as a nested `def` named after its variable.
    if isinstance(value, rx.Function):
        name = define_relax_var(b.var, frame, d)
        d.cfg.binding_names.append(name.name)
        try:
            return d.as_doc(value, value_p)  # type: ignore[no-any-return]
        finally:
            d.cfg.binding_names.pop()
    # Step 3. A call made for its effect is a bare statement.
    value_info, var_info = value.struct_info, b.var.struct_info
    if d.cfg.syntax_sugar and is_void(value_info or var_info) and is_void(var_info or value_info):
        return D.ExprStmtDoc(d.as_doc(value, value_p))
    rhs = d.as_doc(value, value_p)
    ann = binding_annotation(b, p, d)
    return D.AssignDoc(define_relax_var(b.var, frame, d), rhs, ann)


@register(Token.DEFAULT, rx.MatchCast)
def _print_match_cast(b: rx.MatchCast, p: AccessPath, d: IRDocsifier) -> D.Doc:
    ann = struct_info_as_ann(b.var, p.attr("var"), d, b.value)
    rhs = relax(d, "match_cast").call(
        d.as_doc(b.value, p.attr("value")), d.as_doc(b.struct_info, p.attr("struct_info"))
    )
    return D.AssignDoc(define_relax_var(b.var, d.frames[-1], d), rhs, ann)


def print_if(
    n: rx.If,
    p: AccessPath,
    d: IRDocsifier,
    var: D.ExprDoc | None = None,
    ann: D.ExprDoc | None = None,
) -> D.IfDoc:
    """``if cond: ... else: ...``; with ``var`` each branch ends assigning its result to it."""
    cond = d.as_doc(n.cond, p.attr("cond"))
    branches = [
        print_seq_expr(n.true_branch, p.attr("true_branch"), d, use_ret=False),
        print_seq_expr(n.false_branch, p.attr("false_branch"), d, use_ret=False),
    ]
    if var is not None:
        for stmts in branches:
            last = stmts[-1]
            assert isinstance(last, D.ExprStmtDoc)
            stmts[-1] = D.AssignDoc(var, last.expr, ann)
    return D.IfDoc(cond, branches[0], branches[1])


@register(Token.DEFAULT, rx.If)
def _print_if(n: rx.If, p: AccessPath, d: IRDocsifier) -> D.Doc:
    return print_if(n, p, d)


def print_seq_expr(n: rx.Expr, p: AccessPath, d: IRDocsifier, *, use_ret: bool) -> list[D.StmtDoc]:
    """The statements of a body: its bindings, then ``return value`` (or the bare value)."""
    with RelaxFrame(d, n) as f:
        if isinstance(n, rx.SeqExpr):
            blocks_p = p.attr("blocks")
            for i, block in enumerate(n.blocks):
                _extend(f.stmts, d.as_doc(block, blocks_p.index(i)))
            body, body_p = n.body, p.attr("body")
        else:  # a branch that is a bare expression
            body, body_p = n, p
        ret = d.as_doc(body, body_p)
        f.stmts.append(D.ReturnDoc(ret) if use_ret else D.ExprStmtDoc(ret))
        return f.stmts


def _extend(stmts: list[D.StmtDoc], doc: D.Doc) -> None:
    if isinstance(doc, D.StmtBlockDoc):
        stmts.extend(doc.stmts)
    elif isinstance(doc, D.StmtDoc):
        stmts.append(doc)
    else:
        raise TypeError(f"a binding printed as {type(doc).__name__}")


@register(Token.DEFAULT, rx.SeqExpr)
def _print_seq(n: rx.SeqExpr, p: AccessPath, d: IRDocsifier) -> D.Doc:
    return D.StmtBlockDoc(print_seq_expr(n, p, d, use_ret=False))


def _print_bindings(
    n: rx.BindingBlock, p: AccessPath, d: IRDocsifier, outputs: list[D.ExprDoc] | None
) -> list[D.StmtDoc]:
    """The bindings of a block; ``outputs`` collects its non-dataflow variables."""
    stmts: list[D.StmtDoc] = []
    bindings_p = p.attr("bindings")
    for i, b in enumerate(n.bindings):
        b_p = bindings_p.index(i)
        _extend(stmts, d.as_doc(b, b_p))
        if outputs is not None and not isinstance(b.var, rx.DataflowVar):
            outputs.append(d.as_doc(b.var, b_p.attr("var")))
    return stmts


@register(Token.DEFAULT, rx.BindingBlock)
def _print_binding_block(n: rx.BindingBlock, p: AccessPath, d: IRDocsifier) -> D.Doc:
    return D.StmtBlockDoc(_print_bindings(n, p, d, None))


@register(Token.DEFAULT, rx.DataflowBlock)
def _print_dataflow_block(n: rx.DataflowBlock, p: AccessPath, d: IRDocsifier) -> D.Doc:
    outputs: list[D.ExprDoc] = []
    stmts = _print_bindings(n, p, d, outputs)
    stmts.append(D.ExprStmtDoc(relax(d, "output").call(*outputs)))
    return D.ScopeDoc(None, relax(d, "dataflow").call(), stmts)
