"""The Doc tree: a small Python-syntax tree the docsifier builds and `doc_printer` prints.

Expression docs (`ExprDoc`) and statement docs (`StmtDoc`) mirror TVM's printer docs. Every
doc may carry the IR paths it was printed from (``source_paths``), for underlining; statement
docs carry an optional ``comment`` (printed inline or above, as TVM does), the hook for keeping
source comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tvmscript.script.printer.access_path import AccessPath


@dataclass(slots=True, eq=False)
class Doc:
    """Base of every doc."""

    source_paths: tuple[AccessPath, ...] = field(default=(), kw_only=True)
    """The IR paths this doc was printed from (kept only when asked for)."""


@dataclass(slots=True, eq=False)
class ExprDoc(Doc):
    """An expression."""

    def attr(self, name: str) -> AttrAccessDoc:
        """``self.name``."""
        return AttrAccessDoc(self, name)

    def call(
        self,
        *args: ExprDoc,
        kwargs: Sequence[tuple[str, ExprDoc]] = (),
    ) -> CallDoc:
        """``self(*args, **kwargs)`` (keyword order kept)."""
        if not kwargs:
            return CallDoc(self, list(args), [], [])
        return CallDoc(self, list(args), [k for k, _ in kwargs], [v for _, v in kwargs])

    def __getitem__(self, indices: Sequence[ExprDoc | SliceDoc]) -> IndexDoc:
        return IndexDoc(self, list(indices))


@dataclass(slots=True, eq=False)
class StmtDoc(Doc):
    """A statement; ``comment`` is printed inline (simple statements) or above (blocks)."""

    comment: str | None = field(default=None, kw_only=True)


# ---------------------------------------------------------------------------------------------
# Expressions

LiteralValue = None | bool | int | float | str


@dataclass(slots=True, eq=False)
class LiteralDoc(ExprDoc):
    """``None``, a bool, an int, a float (17 significant digits) or a string literal."""

    value: LiteralValue


@dataclass(slots=True, eq=False)
class IdDoc(ExprDoc):
    """An identifier."""

    name: str


@dataclass(slots=True, eq=False)
class AttrAccessDoc(ExprDoc):
    """``value.name``."""

    value: ExprDoc
    name: str


@dataclass(slots=True, eq=False)
class IndexDoc(ExprDoc):
    """``value[indices]`` (``value[()]`` when there are none)."""

    value: ExprDoc
    indices: list[ExprDoc | SliceDoc]


@dataclass(slots=True, eq=False)
class CallDoc(ExprDoc):
    """``callee(args, key=value, ...)``."""

    callee: ExprDoc
    args: list[ExprDoc]
    kwargs_keys: list[str] = field(default_factory=list)
    kwargs_values: list[ExprDoc] = field(default_factory=list)


class OpKind(IntEnum):
    """Operators of `OperationDoc`: unary, then binary, then the conditional expression."""

    USUB = 0
    INVERT = 1
    NOT = 2
    ADD = 10
    SUB = 11
    MULT = 12
    DIV = 13
    FLOOR_DIV = 14
    MOD = 15
    POW = 16
    LSHIFT = 17
    RSHIFT = 18
    BIT_AND = 19
    BIT_OR = 20
    BIT_XOR = 21
    LT = 22
    LT_E = 23
    EQ = 24
    NOT_EQ = 25
    GT = 26
    GT_E = 27
    AND = 28
    OR = 29
    IF_THEN_ELSE = 40


@dataclass(slots=True, eq=False)
class OperationDoc(ExprDoc):
    """A unary, binary or conditional operation (``a if cond else b`` is [cond, a, b])."""

    kind: OpKind
    operands: list[ExprDoc]


@dataclass(slots=True, eq=False)
class TextDoc(ExprDoc):
    """An expression already printed: its text and how tightly it binds (an `expr_text.Prec`).

    TIR expressions print straight to text (`tir.expr`); this carries the result in a doc tree.
    """

    text: str
    prec: int


@dataclass(slots=True, eq=False)
class LambdaDoc(ExprDoc):
    """``lambda args: body``."""

    args: list[IdDoc]
    body: ExprDoc


@dataclass(slots=True, eq=False)
class TupleDoc(ExprDoc):
    """``(a, b)``; ``(a,)`` for one element."""

    elements: list[ExprDoc]


@dataclass(slots=True, eq=False)
class ListDoc(ExprDoc):
    """``[a, b]``."""

    elements: list[ExprDoc]


@dataclass(slots=True, eq=False)
class DictDoc(ExprDoc):
    """``{k: v, ...}`` in the given order."""

    keys: list[ExprDoc]
    values: list[ExprDoc]


@dataclass(slots=True, eq=False)
class SliceDoc(Doc):
    """``start:stop:step`` inside an index."""

    start: ExprDoc | None = None
    stop: ExprDoc | None = None
    step: ExprDoc | None = None


# ---------------------------------------------------------------------------------------------
# Statements


@dataclass(slots=True, eq=False)
class StmtBlockDoc(Doc):
    """Statements printed one after another (no scope)."""

    stmts: list[StmtDoc]


@dataclass(slots=True, eq=False)
class AssignDoc(StmtDoc):
    """``lhs: annotation = rhs`` (either of annotation and rhs may be absent)."""

    lhs: ExprDoc
    rhs: ExprDoc | None = None
    annotation: ExprDoc | None = None


@dataclass(slots=True, eq=False)
class IfDoc(StmtDoc):
    """``if predicate: then_branch else: else_branch``."""

    predicate: ExprDoc
    then_branch: list[StmtDoc]
    else_branch: list[StmtDoc] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class WhileDoc(StmtDoc):
    """``while predicate: body``."""

    predicate: ExprDoc
    body: list[StmtDoc]


@dataclass(slots=True, eq=False)
class ForDoc(StmtDoc):
    """``for lhs in rhs: body``."""

    lhs: ExprDoc
    rhs: ExprDoc
    body: list[StmtDoc]


@dataclass(slots=True, eq=False)
class ScopeDoc(StmtDoc):
    """``with rhs as lhs: body`` (``with rhs:`` when ``lhs`` is None)."""

    lhs: ExprDoc | None
    rhs: ExprDoc
    body: list[StmtDoc]


@dataclass(slots=True, eq=False)
class ExprStmtDoc(StmtDoc):
    """An expression used as a statement."""

    expr: ExprDoc


@dataclass(slots=True, eq=False)
class AssertDoc(StmtDoc):
    """``assert test, msg``."""

    test: ExprDoc
    msg: ExprDoc | None = None


@dataclass(slots=True, eq=False)
class ReturnDoc(StmtDoc):
    """``return value``."""

    value: ExprDoc


@dataclass(slots=True, eq=False)
class FunctionDoc(StmtDoc):
    """A decorated ``def`` (arguments are `AssignDoc`s without right-hand side)."""

    name: IdDoc
    args: list[AssignDoc]
    decorators: list[ExprDoc]
    return_type: ExprDoc | None
    body: list[StmtDoc]


@dataclass(slots=True, eq=False)
class ClassDoc(StmtDoc):
    """A decorated ``class``."""

    name: IdDoc
    decorators: list[ExprDoc]
    body: list[StmtDoc]


@dataclass(slots=True, eq=False)
class CommentDoc(StmtDoc):
    """A comment line (or lines) on its own."""


@dataclass(slots=True, eq=False)
class DocStringDoc(StmtDoc):
    """A triple-quoted string statement."""


# ---------------------------------------------------------------------------------------------
# Helpers


def id_doc(name: str) -> IdDoc:
    """``name``."""
    return IdDoc(name)


def literal(value: LiteralValue) -> LiteralDoc:
    """A literal ``value``."""
    return LiteralDoc(value)


def comment(text: str) -> CommentDoc:
    """A ``# text`` line."""
    return CommentDoc(comment=text)
