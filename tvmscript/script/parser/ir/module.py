"""``@I.ir_module`` classes: declare every function, then parse each body.

Step 1. Module statements (``I.module_attrs``, ``I.module_global_infos``, module-level
        names) are run first: vdevice annotations of the signatures need the global infos.
Step 2. Every function is declared in source order (the module keeps that order); Relax
        functions with their signature's struct info, so ``cls.f(x)`` has the struct info of
        ``f``'s result wherever ``f`` is defined.
Step 3. PrimFuncs are built, then Relax functions: an ``R.call_tir`` is checked against the
        finished PrimFunc it calls.

``cls`` is the module inside PrimFuncs; TVM 0.27's Relax functions need ``cls = Module``
first (the Relax parser hides it until then).
"""

from __future__ import annotations

import difflib
import re
from functools import partial
from typing import Any

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
        self.signatures: dict[str, Any] = {}
        """Relax signatures evaluated while declaring, for the parse of their bodies."""
        self.check_well_formed = True
        """``@I.ir_module(check_well_formed=False)`` turns TVM's well-formedness checks off."""

    def __getattr__(self, attr: str) -> GlobalVar:
        functions = self.__dict__.get("functions", {})
        if attr in functions:
            return functions[attr]  # type: ignore[no-any-return]
        if attr.startswith("__"):
            raise AttributeError(attr)
        raise UnknownFunction(self.__dict__.get("name", "the module"), attr, list(functions))

    def __dir__(self) -> list[str]:
        return list(self.functions)


class UnknownFunction(AttributeError):
    """``cls.f`` where the module has no function ``f``."""

    code = "unknown-function"

    def __init__(self, module: str, name: str, known: list[str]) -> None:
        message = f"module '{module}' has no function '{name}'"
        if close := difflib.get_close_matches(name, known, n=1, cutoff=0.6):
            message += f"; did you mean '{close[0]}'?"
        super().__init__(message)


def parse_ir_module(p: Parser, node: doc.ClassDef) -> None:
    """Build the IRModule of ``node`` in the active builder."""
    members: list[tuple[doc.FunctionDef, DecoratorInfo]] = []
    others: list[doc.Stmt] = []
    for stmt in node.body:
        info = None
        if isinstance(stmt, doc.FunctionDef):
            info = p.module_member(node, stmt, "decorator", partial(decorator_info, p, stmt))
        if info is not None:
            assert isinstance(stmt, doc.FunctionDef)
            members.append((stmt, info))
        else:
            others.append(stmt)
    before = _error_count(p)
    try:
        with p.with_token(Token.IR), p.var_table.with_frame(), IB.ir_module() as module:
            ref = ModuleRef(node.name, {})
            ref.check_well_formed = _checks_well_formed(p, node)
            p.var_table.add(node.name, ref)
            p.var_table.add("cls", ref)
            p.visit_body(_module_statements(others))
            for func, _ in members:
                try:
                    gv = p.module_global_var(node, func.name)
                    ref.functions[func.name] = module.declare(func.name, None, gv)
                except ValueError as exc:
                    p.report(DiagnosticError.at(func.span, "duplicate-function", str(exc)))
            _declare_relax_signatures(p, members, ref, module)
            _declare_tir_signatures(p, node, members, ref, module)
            for func, info in sorted(members, key=lambda m: m[1].kind != "prim_func"):
                p.module_member(node, func, "body", partial(_parse_member, p, func, info))
            undefined = any(f is None for f in module.functions.values())
            if undefined or _error_count(p) > before:
                raise _Abandon  # a function failed: no module (and no cascading errors)
    except _Abandon:
        return


def _checks_well_formed(p: Parser, node: doc.ClassDef) -> bool:
    try:
        info = decorator_info(p, node)
    except DiagnosticError:
        return True
    return info is None or bool(info.options.get("check_well_formed", True))


class _Abandon(Exception):
    """Leaves the module frame without building the module."""


def _error_count(p: Parser) -> int:
    return sum(1 for d in p.diagnostics if d.severity == "error")


def _declare_relax_signatures(
    p: Parser, members: list[tuple[doc.FunctionDef, DecoratorInfo]], ref: ModuleRef, module: Any
) -> None:
    from tvmscript.script.parser.relax.function import declare_signature

    for func, info in members:
        if info.kind != "relax_function" or func.name in ref.signatures:
            continue
        sig = declare_signature(p, func, info.options)
        ref.signatures[func.name] = sig
        if (struct_info := sig.struct_info()) is not None:
            module.set_signature(ref.functions[func.name], struct_info)


def _declare_tir_signatures(
    p: Parser,
    node: doc.ClassDef,
    members: list[tuple[doc.FunctionDef, DecoratorInfo]],
    ref: ModuleRef,
    module: Any,
) -> None:
    """PrimFunc signatures (parameters, return type): calls between PrimFuncs are typed."""
    from tvmscript.script.parser.tir.function import declare_signature

    # Relax functions are built after every PrimFunc: only a PrimFunc body calls one early.
    text = "\n".join(_text(func) for func, info in members if info.kind == "prim_func")
    called = set(re.findall(rf"\b(?:cls|{re.escape(node.name)})\s*\.\s*(\w+)", text))
    for func, info in members:
        if info.kind != "prim_func" or func.name not in ref.functions:
            continue
        if func.name not in called:
            continue  # no `cls.f` / `Module.f` in a PrimFunc body: no early caller
        declare = partial(declare_signature, p, func, info.options)
        if (sig := p.module_member(node, func, "signature", declare)) is not None:
            module.set_signature(ref.functions[func.name], sig)


def _text(node: doc.Node) -> str:
    start, _, end, _ = node.pos
    return "\n".join(node.src.lines[start - 1 : end])


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
