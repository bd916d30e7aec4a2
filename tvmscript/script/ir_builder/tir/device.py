"""The TIRx device region and scope ids: ``T.device_entry()``, ``T.cta_id``, ``T.lane_id``, ...

Each id function adds a `ScopeIdDefStmt` and returns its variable (a list of them for a
multi-dimensional id): ``bx = T.cta_id([8])``, ``ty, tx = T.thread_id([32, 32])``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tvmscript.core.tir import arith
from tvmscript.core.tir.device import (
    DEVICE_ENTRY_KEY,
    SCOPE_ID_FUNCTIONS,
    ScopeIdDef,
    ScopeIdDefStmt,
)
from tvmscript.core.tir.expr import IntImm, PrimExpr, Var
from tvmscript.script.ir_builder.tir.frames import AttrFrame, add_stmt, current_span

Extents = Sequence[PrimExpr | int] | None
_ID_DTYPES = ("int32", "uint32")


def device_entry() -> AttrFrame:
    """Mark where device code starts: the rest of the body runs on the device.

    It is a flat marker (no ``with``): TVM prints it as
    ``T.attr({"tirx.device_entry": T.bool(True)})``.
    """
    return AttrFrame(IntImm("int32", 0), DEVICE_ENTRY_KEY, IntImm("bool", 1))


def _define(
    extents: Extents, parent: str, cur: str, dtype: str, preferred: Extents = None
) -> Var | list[Var]:
    if dtype not in _ID_DTYPES:
        raise ValueError(f"dtype of a scope-id variable must be 'int32' or 'uint32', got '{dtype}'")
    if preferred is not None and parent != "cluster":
        raise ValueError(f"preferred is only valid when parent='cluster', got parent='{parent}'")
    exts = None if extents is None else tuple(_extent(e, dtype) for e in _as_list(extents))
    prefs = None if preferred is None else tuple(_extent(e, dtype) for e in _as_list(preferred))
    count = 1 if exts is None else len(exts)
    if count == 0:
        raise ValueError("a scope id needs at least one extent")
    span = current_span()
    ids = tuple(Var("v", dtype, span=span) for _ in range(count))
    add_stmt(ScopeIdDefStmt(ScopeIdDef(ids, exts, parent, cur, prefs, span=span), span=span))
    return ids[0] if count == 1 else list(ids)


def _as_list(extents: Any) -> list[Any]:
    if isinstance(extents, list | tuple):
        return list(extents)
    return [extents]


def _extent(value: PrimExpr | int, dtype: str) -> PrimExpr:
    if isinstance(value, bool) or not isinstance(value, int | PrimExpr):
        raise TypeError(f"a scope-id extent must be an integer expression, got {value!r}")
    return arith.as_expr(value) if isinstance(value, PrimExpr) else IntImm(dtype, value)


def scope_id(extents: Extents, parent: str, cur: str, dtype: str = "int32") -> Var | list[Var]:
    """The ids of the ``cur`` scopes inside a ``parent`` scope (``"cta"``, ``"warp"``)."""
    if (parent, cur) not in SCOPE_ID_FUNCTIONS:
        raise ValueError(f"unknown scope binding: parent={parent} cur={cur}")
    return _define(extents, parent, cur, dtype)


def cluster_id(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the cluster in the kernel (``None``: extent inferred when lowering)."""
    return _define(extents, "kernel", "cluster", dtype)


def cta_id(
    extents: Extents = None, preferred: Extents = None, dtype: str = "int32"
) -> Var | list[Var]:
    """The index of the CTA (thread block) in the kernel: ``bx = T.cta_id([8])``."""
    return _define(extents, "kernel", "cta", dtype, preferred)


def cta_id_in_cluster(
    extents: Extents = None, preferred: Extents = None, dtype: str = "int32"
) -> Var | list[Var]:
    """The index of the CTA in its cluster; ``preferred`` is the preferred cluster shape."""
    return _define(extents, "cluster", "cta", dtype, preferred)


def cta_id_in_pair(dtype: str = "int32") -> Var:
    """The index (0 or 1) of the CTA in its CTA pair."""
    var = _define(None, "pair", "cta", dtype)
    assert isinstance(var, Var)
    return var


def warpgroup_id(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the warpgroup (four warps) in the CTA."""
    return _define(extents, "cta", "warpgroup", dtype)


def warp_id(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the warp in the CTA."""
    return _define(extents, "cta", "warp", dtype)


def warp_id_in_wg(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the warp in its warpgroup."""
    return _define(extents, "warpgroup", "warp", dtype)


def lane_id(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the thread in its warp."""
    return _define(extents, "warp", "thread", dtype)


def thread_id(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the thread in the CTA: ``tx = T.thread_id([128])``."""
    return _define(extents, "cta", "thread", dtype)


def thread_id_in_wg(extents: Extents = None, dtype: str = "int32") -> Var | list[Var]:
    """The index of the thread in its warpgroup."""
    return _define(extents, "warpgroup", "thread", dtype)


__all__ = [
    "cluster_id",
    "cta_id",
    "cta_id_in_cluster",
    "cta_id_in_pair",
    "device_entry",
    "lane_id",
    "scope_id",
    "thread_id",
    "thread_id_in_wg",
    "warp_id",
    "warp_id_in_wg",
    "warpgroup_id",
]
