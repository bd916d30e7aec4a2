"""TIRx device statements: the ids of the execution scopes a kernel runs in.

``bx = T.cta_id([8])`` defines ``bx`` as the index of the CTA (thread block) in the kernel,
``lane = T.lane_id([32])`` the index of the thread in its warp: a `ScopeIdDefStmt` whose
`ScopeIdDef` pairs a parent scope with the scope it counts (``kernel -> cta``,
``warp -> thread``). The device region itself is an ``AttrStmt`` with key
``tirx.device_entry`` (``T.device_entry()``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from tvmscript.core.ir.node import SEQ_DEF, Node
from tvmscript.core.tir.expr import PrimExpr, Var
from tvmscript.core.tir.stmt import Stmt

SCOPES: Final = ("kernel", "cluster", "cta", "warpgroup", "warp", "thread")
"""TIRx's execution scopes, outermost first."""

SCOPE_ID_FUNCTIONS: Final[dict[tuple[str, str], str]] = {
    ("kernel", "cluster"): "cluster_id",
    ("kernel", "cta"): "cta_id",
    ("cluster", "cta"): "cta_id_in_cluster",
    ("cta", "warpgroup"): "warpgroup_id",
    ("warpgroup", "warp"): "warp_id_in_wg",
    ("cta", "warp"): "warp_id",
    ("warp", "thread"): "lane_id",
    ("cta", "thread"): "thread_id",
    ("warpgroup", "thread"): "thread_id_in_wg",
    ("pair", "cta"): "cta_id_in_pair",
}
"""The scope bindings TVM 0.27 knows, with the ``T.*`` function that defines each."""

DEVICE_ENTRY_KEY: Final = "tirx.device_entry"
"""The ``AttrStmt`` key of the device region (``T.device_entry()``)."""


@dataclass(frozen=True, slots=True, eq=False)
class ScopeIdDef(Node):
    """``def_ids`` index the ``cur`` scopes inside one ``parent`` scope, ``extents`` of them."""

    def_ids: tuple[Var, ...] = field(metadata=SEQ_DEF)
    """The id variables, outermost dimension first."""
    extents: tuple[PrimExpr, ...] | None
    """How many ``cur`` scopes each id counts (None: inferred when lowering)."""
    parent: str
    """The enclosing scope (``"kernel"``, ``"cluster"``, ``"cta"``, ...)."""
    cur: str
    """The scope counted (``"cta"``, ``"warp"``, ``"thread"``, ...)."""
    preferred_extents: tuple[PrimExpr, ...] | None = None
    """Preferred cluster shape (only for ``cluster -> cta``)."""

    def __post_init__(self) -> None:
        if (self.parent, self.cur) not in SCOPE_ID_FUNCTIONS:
            raise ValueError(f"unknown scope binding: parent={self.parent} cur={self.cur}")


@dataclass(frozen=True, slots=True, eq=False)
class ScopeIdDefStmt(Stmt):
    """A scope-id definition; its variables are bound for the rest of the sequence."""

    definition: ScopeIdDef


@dataclass(frozen=True, slots=True, eq=False)
class ExecScope(Node):
    """An execution scope by name (``T.ExecScope("warp")``), as a value."""

    name: str


@dataclass(frozen=True, slots=True, eq=False)
class TilePrimitiveCall(Stmt):
    """A tile primitive (``T.cta.copy(dst, src)``) run cooperatively by a ``scope``.

    ``args`` are the primitive's arguments in its parameter order: buffer regions,
    expressions, and Python values (axes lists, flags) as written.
    """

    op: str
    """The primitive (``"copy"``, ``"fill"``, ``"gemm"``, ...)."""
    args: tuple[object, ...]
    scope: str = "thread"
    """The cooperating scope: ``"thread"`` (``T.tile.*``), ``"warp"``, ``"cta"``, ..."""
    dispatch: str | None = None
    """A chosen implementation (``dispatch="..."``)."""
    config: Mapping[str, object] = field(default_factory=dict)
    """Extra keyword options of the primitive."""
    workspace: Mapping[str, object] = field(default_factory=dict)
    """Scratch buffers the primitive may use."""
