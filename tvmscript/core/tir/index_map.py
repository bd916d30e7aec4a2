"""IndexMap: a mapping from indices to indices (``T.index_map(lambda i, j: (j, i))``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tvmscript.core.ir.node import SEQ_DEF, Node
from tvmscript.core.tir.expr import PrimExpr, Var


@dataclass(frozen=True, slots=True, eq=False)
class IndexMap(Node):
    """``initial_indices`` mapped to ``final_indices`` (expressions of them)."""

    initial_indices: tuple[Var, ...] = field(metadata=SEQ_DEF)
    final_indices: tuple[PrimExpr, ...]
