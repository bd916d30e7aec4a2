"""``@I.ir_module`` classes: declare every function, then parse each body."""

from __future__ import annotations

from tvmscript.core.ir.module import GlobalVar
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.ir_builder import ir as IB
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token
from tvmscript.script.parser.core.parser import Parser
from tvmscript.script.parser.entry_utils import DecoratorInfo, decorator_info


class ModuleRef:
    """The class name (or ``cls``) inside a module: ``cls.func`` is the function's GlobalVar."""

    _is_namespace = True

    def __init__(self, name: str, functions: dict[str, GlobalVar]) -> None:
        self.name = name
        self.functions = functions

    def __getattr__(self, attr: str) -> GlobalVar:
        functions = self.__dict__.get("functions", {})
        if attr in functions:
            return functions[attr]  # type: ignore[no-any-return]
        raise AttributeError(attr)

    def __dir__(self) -> list[str]:
        return list(self.functions)


def parse_ir_module(p: Parser, node: doc.ClassDef) -> None:
    """Build the IRModule of ``node`` in the active builder."""
    members: list[tuple[doc.FunctionDef, DecoratorInfo]] = []
    others: list[doc.Stmt] = []
    for stmt in node.body:
        if isinstance(stmt, doc.FunctionDef) and (info := decorator_info(p, stmt)) is not None:
            members.append((stmt, info))
        else:
            others.append(stmt)
    with p.with_token(Token.IR), p.var_table.with_frame(), IB.ir_module():
        functions = {func.name: IB.decl_function(func.name) for func, _ in members}
        ref = ModuleRef(node.name, functions)
        p.var_table.add(node.name, ref)
        p.var_table.add("cls", ref)
        p.visit_body(_module_statements(others))
        for func, info in members:
            _parse_member(p, func, info)


def _module_statements(stmts: list[doc.Stmt]) -> list[doc.Stmt]:
    return [s for s in stmts if not _is_docstring(s)]


def _is_docstring(stmt: doc.Stmt) -> bool:
    return isinstance(stmt, doc.ExprStmt) and isinstance(stmt.value, doc.Constant)


def _parse_member(p: Parser, func: doc.FunctionDef, info: DecoratorInfo) -> None:
    from tvmscript.script.parser.api import _dispatch_definition

    saved_state = p.state
    try:
        with p.with_token(Token.DEFAULT):
            _dispatch_definition(p, func, info)
    except DiagnosticError as exc:
        p.report(exc)
    finally:
        p.state = saved_state
