"""Printer of TIR loops: ``T.grid`` for perfect serial nests, else ``range``/``T.parallel``/..."""

from __future__ import annotations

from typing import Final

from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import IntImm, PrimExpr, Var
from tvmscript.core.tir.stmt import For, ForKind
from tvmscript.script.printer import doc as D
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.expr_text import escape_string
from tvmscript.script.printer.ir_docsifier import IRDocsifier, register
from tvmscript.script.printer.tir.buffer import _children
from tvmscript.script.printer.tir.text import ATOM, arg_text, tir_call_doc
from tvmscript.script.printer.tir.utils import as_doc_body, define_var
from tvmscript.script.tokens import Token

_KIND_NAMES: Final = {
    ForKind.PARALLEL: "parallel",
    ForKind.UNROLLED: "unroll",
    ForKind.VECTORIZED: "vectorized",
    ForKind.THREAD_BINDING: "thread_binding",
}


def _is_zero(e: PrimExpr) -> bool:
    return isinstance(e, IntImm) and e.value == 0


def _trivial_step(loop: For) -> bool:
    return loop.step is None or (isinstance(loop.step, IntImm) and loop.step.value == 1)


def _uses_any(e: PrimExpr, vars_: set[int]) -> bool:
    if not vars_:
        return False
    if isinstance(e, Var):
        return id(e) in vars_
    if isinstance(e, IntImm):
        return False
    return any(_uses_any(c, vars_) for c in _children(e))


def _grid_nest(loop: For) -> list[For]:
    """The perfectly nested trivial serial loops starting at ``loop`` (TVM's `T.grid` rule)."""
    nest: list[For] = []
    loop_vars: set[int] = set()
    node: object = loop
    while isinstance(node, For):
        if (
            node.kind is not ForKind.SERIAL
            or not _is_zero(node.min)
            or node.annotations
            or not _trivial_step(node)
            or _uses_any(node.extent, loop_vars)
        ):
            break
        nest.append(node)
        loop_vars.add(id(node.loop_var))
        node = node.body
    return nest


@register(Token.DEFAULT, For)
def _print_for(loop: For, p: AccessPath, d: IRDocsifier) -> D.StmtDoc:
    # Step 1. Collapse perfectly nested trivial serial loops into `T.grid`.
    nest = _grid_nest(loop) if d.cfg.syntax_sugar else []
    with d.frame(loop) as f:
        if len(nest) > 1:
            lhs: list[D.ExprDoc] = []
            extents: list[str] = []
            for inner in nest:
                lhs.append(define_var(inner.loop_var, f, d))
                extents.append(arg_text(inner.extent, d))
                p = p.attr("body")
            as_doc_body(nest[-1].body, p, f, d)
            return D.ForDoc(D.TupleDoc(lhs), tir_call_doc(d, "grid", extents), f.stmts)
        # Step 2. Otherwise spell the loop kind: `range`, `T.parallel`, ...
        var = define_var(loop.loop_var, f, d)
        args: list[str] = []
        if _is_zero(loop.min) and _trivial_step(loop):
            args.append(arg_text(loop.extent, d))
        else:
            args.append(arg_text(loop.min, d))
            args.append(arg_text(arith.add(loop.min, loop.extent), d))
        kwargs: list[tuple[str, str]] = []
        use_range = loop.kind is ForKind.SERIAL and not loop.annotations
        if loop.kind is ForKind.THREAD_BINDING:
            tag = loop.thread_binding.thread_tag if loop.thread_binding is not None else ""
            kwargs.append(("thread", escape_string(tag)))
        if loop.annotations:
            kwargs.append(("annotations", arg_text(loop.annotations, d)))
        if not _trivial_step(loop):
            assert loop.step is not None
            step = arg_text(loop.step, d)
            if use_range:
                args.append(step)
            else:
                kwargs.append(("step", step))
        if use_range:
            head = D.TextDoc("range(" + ", ".join(args) + ")", ATOM)
        else:
            kind = "serial" if loop.kind is ForKind.SERIAL else _KIND_NAMES[loop.kind]
            head = tir_call_doc(d, kind, args, kwargs)
        as_doc_body(loop.body, p.attr("body"), f, d)
        return D.ForDoc(var, head, f.stmts)
