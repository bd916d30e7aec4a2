"""Statements allowed directly in an ``@I.ir_module`` class body."""

from __future__ import annotations

from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token, register
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.tir.binding import bind_target


@register(Token.IR, doc.ExprStmt)
def visit_expr_stmt(p: Parser, node: doc.ExprStmt) -> None:
    """``I.module_attrs({...})`` and similar calls."""
    p.eval_expr(node.value)


@register(Token.IR, doc.Assign)
def visit_assign(p: Parser, node: doc.Assign) -> None:
    """Module-level names (symbolic variables shared by the functions)."""
    value = p.eval_expr(node.value)
    for target in node.targets:
        bind_target(p, target, value if value is not None else POISON)


@register(Token.IR, doc.Pass)
def visit_pass(p: Parser, node: doc.Pass) -> None:
    """``pass``."""
    del p, node
