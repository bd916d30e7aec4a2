"""The Parser: walks Doc statements, dispatching each to its dialect's rule.

Errors are data: a failing statement records its diagnostics and the walk resumes at the
next statement, with the names it would have bound set to `POISON` so that one mistake is
reported once. Unexpected exceptions become one ``internal-error`` diagnostic at the
statement (``TVMSCRIPT_DEBUG=1`` re-raises them).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from tvmscript.diagnostics import Diagnostic, DiagnosticError, debug_enabled
from tvmscript.script.ir_builder.base import BuilderError, IRBuilder
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.dispatch import Token, get_rule
from tvmscript.script.parser.core.evaluator import Evaluator
from tvmscript.script.parser.core.macro import MacroReturn
from tvmscript.script.parser.core.operators import operator_for
from tvmscript.script.parser.core.poison import POISON
from tvmscript.script.parser.core.var_table import VarTable

if TYPE_CHECKING:
    from tvmscript.core.ir.module import GlobalVar
    from tvmscript.script.parser.core.source import Source


class Parser:
    """Parses the definitions of one source file."""

    def __init__(self, globals_: dict[str, Any], diagnostics: list[Diagnostic]) -> None:
        self.globals = globals_
        self.globals_poisoned = any(v is POISON for v in globals_.values())
        self.unevaluated_noted: set[str] = set()  # globals said to be unknown (once each)
        self.noting_unevaluated = True  # off while decorators are resolved
        self.diagnostics = diagnostics
        self.var_table = VarTable()
        self.evaluator = Evaluator(self)
        self.tokens: list[Token] = [Token.DEFAULT]
        self.builder: IRBuilder | None = None
        self.state: dict[str, Any] = {}  # per-definition scratch space of dialect rules
        self._rest_of_body: list[ExitStack] = []
        self._failed_scopes = 0
        self._observe_evaluations()

    # --- dialect tokens ----------------------------------------------------------------------

    @property
    def token(self) -> Token:
        return self.tokens[-1]

    def with_token(self, token: Token) -> _TokenScope:
        """Parse inside ``token``'s dialect (``with parser.with_token(Token.TIR):``)."""
        return _TokenScope(self.tokens, token)

    # --- errors ------------------------------------------------------------------------------

    def report(self, error: DiagnosticError) -> None:
        """Record the diagnostics of ``error``.

        Inside a scope whose header failed (`failed_scope`), a call misplaced only because the
        scope is missing (``T.axis.spatial`` under a misspelt ``T.sblock``) is not reported.
        """
        if self._failed_scopes and all(d.code == "misplaced-call" for d in error.diagnostics):
            return
        self.diagnostics.extend(error.diagnostics)

    def failed_scope(self) -> _FailedScope:
        """``with parser.failed_scope():`` checks the body of a scope whose header failed."""
        return _FailedScope(self)

    def error(self, node: doc.Node, code: str, message: str) -> DiagnosticError:
        """A located error to raise."""
        return DiagnosticError.at(node.span, code, message)

    # --- statements --------------------------------------------------------------------------

    def visit_body(self, stmts: Sequence[doc.Stmt]) -> None:
        """Visit statements in order, recovering at the next one after an error."""
        with ExitStack() as rest:
            self._rest_of_body.append(rest)
            try:
                self._visit_stmts(stmts)
            finally:
                self._rest_of_body.pop()

    def enter_for_rest_of_body(self, frame: Any, target: doc.Name | None) -> None:
        """Enter ``frame`` until the current body ends (``tx = T.launch_thread(...)``)."""
        value = self._rest_of_body[-1].enter_context(frame)
        if target is not None:
            self.var_table.add(target.id, IRBuilder.name(target.id, value))

    def _visit_stmts(self, stmts: Sequence[doc.Stmt]) -> None:
        for stmt in stmts:
            try:
                self.visit(stmt)
            except DiagnosticError as exc:
                self.report(exc)
                self.poison_targets(stmt)
            except MacroReturn:
                raise
            except (BuilderError, TypeError, ValueError) as exc:
                if debug_enabled():
                    raise
                self.diagnostics.append(statement_error(stmt, exc))
                self.poison_targets(stmt)
            except Exception as exc:
                if debug_enabled():
                    raise
                self.diagnostics.append(internal_error(stmt, exc))
                self.poison_targets(stmt)

    def visit(self, stmt: doc.Stmt) -> None:
        """Visit one statement with its dialect's rule."""
        rule = get_rule(self.token, type(stmt))
        if rule is None:
            raise self.error(
                stmt, "wrong-dialect", f"'{_describe_stmt(stmt)}' is not supported here"
            )
        builder = self.builder
        if builder is None:
            rule(self, stmt)
            return
        builder.push_span(stmt)
        try:
            rule(self, stmt)
        finally:
            builder.pop_span()

    def poison_targets(self, stmt: doc.Stmt) -> None:
        """Bind the names ``stmt`` would have defined to `POISON` (no cascading errors)."""
        targets: list[doc.Expr] = []
        if isinstance(stmt, doc.Assign):
            targets.extend(stmt.targets)
        elif isinstance(stmt, doc.AnnAssign | doc.For):
            targets.append(stmt.target)
        for target in targets:
            for name in _target_names(target):
                if not self.var_table.exist(name):
                    self.var_table.add(name, POISON)

    # --- hooks: a subclass observes the parse (the document analysis records it) -------------

    def begin_function(self, node: doc.FunctionDef) -> None:
        """Hook: ``node``'s parameters are about to be bound."""

    def name_resolved(self, node: doc.Name, value: Any) -> None:
        """Hook: the name ``node`` was evaluated to ``value``."""

    def attribute_resolved(self, node: doc.Attribute, value: Any) -> None:
        """Hook: the attribute access ``node`` (``base.attr``) was evaluated to ``value``."""

    # --- hooks: a subclass reuses what an earlier parse of the same text made ----------------

    def definition_doc(self, stmt: ast.stmt, source: Source) -> doc.Stmt:
        """Hook: the Doc AST of the top-level definition ``stmt`` (of ``source``)."""
        return doc.to_doc(stmt, source)

    def module_global_var(self, module: doc.ClassDef, name: str) -> GlobalVar | None:
        """Hook: the `GlobalVar` to declare module function ``name`` with (None: a new one)."""
        del module, name
        return None

    def module_member(
        self, module: doc.ClassDef, node: doc.FunctionDef, step: str, run: Callable[[], Any]
    ) -> Any:
        """Hook: ``run()`` one step of a module function, and give what it gives.

        Steps: ``"decorator"`` (its meaning), ``"signature"`` (a PrimFunc's), ``"body"``. A
        subclass may give what an earlier parse's ``run()`` gave instead, doing what it did
        (an ``@I.ir_module`` class is one statement: an edit of one function re-runs them all).
        """
        del module, node, step
        return run()

    def _observe_evaluations(self) -> None:
        """Call the two evaluation hooks, when a subclass overrides them (else no cost)."""
        cls = type(self)
        observe_names = cls.name_resolved is not Parser.name_resolved
        observe_attributes = cls.attribute_resolved is not Parser.attribute_resolved
        if not observe_names and not observe_attributes:
            return
        if observe_names:
            self.evaluator.observe(doc.Name, self.name_resolved)
        if observe_attributes:
            self.evaluator.observe(doc.Attribute, self.attribute_resolved)

    # --- expressions -------------------------------------------------------------------------

    def eval_expr(self, node: doc.Expr) -> Any:
        """The value of ``node``."""
        return self.evaluator.eval(node)

    def eval_header(self, node: doc.Expr) -> Any:
        """The value of a compound statement's header, or `POISON` once its error is reported.

        The body of a loop or scope whose header fails is still checked (its targets bound
        to `POISON`): ``for i in T.gird(8):`` does not hide the errors below it.
        """
        try:
            return self.eval_expr(node)
        except DiagnosticError as exc:
            self.report(exc)
            return POISON

    def subscript(self, node: doc.Subscript, base: Any, key: Any) -> Any:
        """``base[key]``: the dialect's meaning (a buffer load), else a container lookup."""
        if (rule := operator_for("Subscript", base)) is not None:
            return rule(self, node, base, key)
        if (index := operator_for("Index", key)) is not None:
            key = index(key)
        return self.evaluator.apply(node, _getitem, base, key)


def _getitem(base: Any, key: Any) -> Any:
    return base[key]


def statement_error(node: doc.Node, exc: Exception) -> Diagnostic:
    """A builder's complaint about the arguments or the place of a statement."""
    from tvmscript.core.ir.dtype import TypeMismatchError
    from tvmscript.script.parser.core.evaluator import lowercase_first

    text = lowercase_first(str(exc) or type(exc).__name__)
    if isinstance(exc, BuilderError):
        return Diagnostic.error(node.span, "misplaced-call", text)
    if isinstance(exc, TypeMismatchError):
        return Diagnostic.error(node.span, "dtype-mismatch", text)
    return Diagnostic.error(node.span, "invalid-argument", text)


def internal_error(node: doc.Node, exc: BaseException) -> Diagnostic:
    """The diagnostic for an unexpected failure at ``node``."""
    return Diagnostic.error(
        node.span,
        "internal-error",
        f"internal error, please report: {type(exc).__name__}: {exc}",
    )


def _target_names(target: doc.Expr) -> list[str]:
    if isinstance(target, doc.Name):
        return [target.id]
    if isinstance(target, doc.Tuple | doc.List):
        return [n for e in target.elts for n in _target_names(e)]
    return []


def _describe_stmt(stmt: doc.Stmt) -> str:
    names = {
        "ExprStmt": "expression statement",
        "FunctionDef": "def",
        "ClassDef": "class",
        "AugAssign": "augmented assignment",
        "AnnAssign": "annotated assignment",
    }
    return names.get(stmt.kind, stmt.kind.lower())


class _TokenScope:
    __slots__ = ("token", "tokens")

    def __init__(self, tokens: list[Token], token: Token) -> None:
        self.tokens = tokens
        self.token = token

    def __enter__(self) -> None:
        self.tokens.append(self.token)

    def __exit__(self, *_: object) -> None:
        self.tokens.pop()


class _FailedScope:
    """The body of a scope whose header failed: misplaced calls in it are not reported."""

    def __init__(self, parser: Parser) -> None:
        self._parser = parser

    def __enter__(self) -> None:
        self._parser._failed_scopes += 1

    def __exit__(self, *exc: object) -> None:
        self._parser._failed_scopes -= 1
