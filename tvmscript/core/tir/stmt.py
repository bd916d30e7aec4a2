"""TIR statements, as TVM 0.27 shapes them.

Bindings and buffer declarations are flat statements whose scope is the rest of the
enclosing sequence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from tvmscript.core.ir.node import SEQ_DEF, SEQ_IGNORE, Node
from tvmscript.core.tir.buffer import Buffer, BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import IterVar, PrimExpr, Var


class Stmt(Node):
    """A TIR statement."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, eq=False)
class BufferStore(Stmt):
    """``buffer[indices] = value``."""

    buffer: Buffer
    value: PrimExpr
    indices: tuple[PrimExpr, ...]
    predicate: PrimExpr | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Evaluate(Stmt):
    """Evaluate ``value`` for its side effects (``T.evaluate``; a bare call)."""

    value: PrimExpr


@dataclass(frozen=True, slots=True, eq=False)
class Bind(Stmt):
    """``var: T.let[dtype] = value``: binds ``var`` for the rest of the sequence."""

    var: Var = field(metadata=SEQ_DEF)
    value: PrimExpr


LetStmt = Bind


@dataclass(frozen=True, slots=True, eq=False)
class AttrStmt(Stmt):
    """``with T.attr(node, attr_key, value): body`` (thread extents, pragmas, ...)."""

    node: Any
    attr_key: str
    value: PrimExpr
    body: Stmt


@dataclass(frozen=True, slots=True, eq=False)
class AssertStmt(Stmt):
    """``assert condition, (error_kind, message_parts)``."""

    condition: PrimExpr
    error_kind: str = "RuntimeError"
    message_parts: tuple[str, ...] = ()


class ForKind(Enum):
    """How a loop runs (TVM's ForKind, same numbering)."""

    SERIAL = 0
    PARALLEL = 1
    VECTORIZED = 2
    UNROLLED = 3
    THREAD_BINDING = 4


@dataclass(frozen=True, slots=True, eq=False)
class For(Stmt):
    """``for loop_var in range(min, min + extent[, step])``, run as ``kind`` says."""

    loop_var: Var = field(metadata=SEQ_DEF)
    min: PrimExpr
    extent: PrimExpr
    kind: ForKind
    body: Stmt
    thread_binding: IterVar | None = None
    annotations: Mapping[str, Any] = field(default_factory=dict)
    step: PrimExpr | None = None


@dataclass(frozen=True, slots=True, eq=False)
class While(Stmt):
    """``while condition: body``."""

    condition: PrimExpr
    body: Stmt


@dataclass(frozen=True, slots=True, eq=False)
class Break(Stmt):
    """``break`` out of the innermost loop."""


@dataclass(frozen=True, slots=True, eq=False)
class Continue(Stmt):
    """``continue`` the innermost loop."""


@dataclass(frozen=True, slots=True, eq=False)
class IfThenElse(Stmt):
    """``if condition: then_case else: else_case``."""

    condition: PrimExpr
    then_case: Stmt
    else_case: Stmt | None = None


@dataclass(frozen=True, slots=True, eq=False)
class SeqStmt(Stmt):
    """Statements run in order."""

    seq: tuple[Stmt, ...]


@dataclass(frozen=True, slots=True, eq=False)
class AllocBuffer(Stmt):
    """``B = T.alloc_buffer(...)`` in a body: allocates ``buffer`` for the rest of the scope."""

    buffer: Buffer = field(metadata=SEQ_DEF)
    annotations: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, eq=False)
class DeclBuffer(Stmt):
    """``B = T.decl_buffer(..., data=...)``: declares ``buffer`` over existing memory."""

    buffer: Buffer = field(metadata=SEQ_DEF)


@dataclass(frozen=True, slots=True, eq=False)
class SBlock(Stmt):
    """A schedulable block (TVM's s_tir SBlock): axes, accessed regions, init and body."""

    iter_vars: tuple[IterVar, ...]
    reads: tuple[BufferRegion, ...]
    writes: tuple[BufferRegion, ...]
    name_hint: str = field(metadata=SEQ_IGNORE)
    body: Stmt
    init: Stmt | None = None
    alloc_buffers: tuple[Buffer, ...] = field(default=(), metadata=SEQ_DEF)
    match_buffers: tuple[MatchBufferRegion, ...] = ()
    annotations: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, eq=False)
class SBlockRealize(Stmt):
    """``block`` executed with its axes bound to ``iter_values`` when ``predicate`` holds."""

    iter_values: tuple[PrimExpr, ...]
    predicate: PrimExpr
    block: SBlock


def seq(stmts: list[Stmt]) -> Stmt:
    """One statement for ``stmts``: the statement itself when there is one."""
    if len(stmts) == 1:
        return stmts[0]
    return SeqStmt(tuple(stmts))
