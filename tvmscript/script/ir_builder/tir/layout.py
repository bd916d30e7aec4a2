"""Buffer layouts in TVMScript: ``T.TileLayout(T.S[...] + T.R[...])``, ``T.ComposeLayout``, ...

This module is also what ``from tvm.tirx.layout import Axis, S, TileLayout`` binds: the axes
are its attributes (``laneid``, ``TLane``, ...), as in TVM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tvmscript.core.tir import arith
from tvmscript.core.tir import layout as L
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.core.tir.layout import AXIS_NAMES, OffsetSum, OnAxis

Layout = L.Layout


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    """``S[shape:strides] + R[shape:strides] + offset``: what `TileLayout` is made from."""

    shard: tuple[tuple[Any, ...], tuple[Any, ...] | None] | None = None
    replica: tuple[tuple[Any, ...], tuple[Any, ...] | None] | None = None
    offset: OffsetSum | None = None

    def __add__(self, other: Any) -> LayoutSpec:
        if isinstance(other, LayoutSpec):
            return LayoutSpec(
                self.shard or other.shard,
                other.replica or self.replica,
                _merge(self.offset, other.offset),
            )
        return LayoutSpec(self.shard, self.replica, _merge(self.offset, OffsetSum.of(other)))

    def __radd__(self, other: Any) -> LayoutSpec:
        return LayoutSpec(self.shard, self.replica, _merge(OffsetSum.of(other), self.offset))


def _merge(a: OffsetSum | None, b: OffsetSum | None) -> OffsetSum | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


class SpecBuilder:
    """``T.S[(8, 4):(4 @ Axis.laneid, 1)]`` (shard) and ``T.R[2:1 @ Axis.warpid]`` (replica)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __getitem__(self, key: Any) -> LayoutSpec:
        if isinstance(key, slice):
            pair: tuple[tuple[Any, ...], tuple[Any, ...] | None] = (
                _tuple(key.start),
                _tuple(key.stop),
            )
        elif isinstance(key, tuple | list):
            pair = (tuple(key), None)
        else:
            pair = ((key,), None)
        return LayoutSpec(shard=pair) if self.kind == "shard" else LayoutSpec(replica=pair)

    def __repr__(self) -> str:
        return "T.S" if self.kind == "shard" else "T.R"


def _tuple(value: Any) -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value
    if isinstance(value, list):
        return tuple(value)
    return (value,)


S = SpecBuilder("shard")
"""Shard spec builder: ``T.S[extents:strides]`` (strides optional: row-major)."""
R = SpecBuilder("replica")
"""Replica spec builder: ``T.R[extents:strides]``."""


def _spec_iters(pair: tuple[tuple[Any, ...], tuple[Any, ...] | None] | None) -> tuple[L.Iter, ...]:
    if pair is None:
        return ()
    return L.iters_of(pair[0], pair[1])


class TileLayout:
    """A tile layout: ``T.TileLayout(T.S[(32, 32):(33, 1)])`` (a padded row-major tile)."""

    def __new__(cls, spec: LayoutSpec) -> L.TileLayout:  # type: ignore[misc]
        if not isinstance(spec, LayoutSpec):
            raise TypeError(f"T.TileLayout expects a T.S[...] spec, got {spec!r}")
        offset = {} if spec.offset is None else dict(_offset_terms(spec.offset))
        return L.TileLayout(_spec_iters(spec.shard), _spec_iters(spec.replica), offset)

    @staticmethod
    def from_iters(
        shard: Sequence[L.Iter] = (),
        replica: Sequence[L.Iter] = (),
        offset: Mapping[L.Axis | str, PrimExpr | int] | None = None,
    ) -> L.TileLayout:
        """A tile layout from iterators: ``T.TileLayout.from_iters([T.Iter(32, 1, "laneid")])``."""
        terms = {
            L.Axis.get(k) if isinstance(k, str) else k: arith.as_expr(v)
            for k, v in (offset or {}).items()
        }
        return L.TileLayout(tuple(shard), tuple(replica), terms)


def _offset_terms(offset: OffsetSum) -> list[tuple[L.Axis, PrimExpr]]:
    return [(axis, arith.as_expr(value)) for axis, value in offset.terms]


class ComposeLayout:
    """A swizzled tile layout: ``T.ComposeLayout(3, 3, 3, T.TileLayout(...))``."""

    def __new__(  # type: ignore[misc]
        cls,
        per_element: int,
        swizzle_len: int,
        atom_len: int,
        tile_layout: L.TileLayout,
        swizzle_inner: bool = True,
    ) -> L.ComposeLayout:
        if not isinstance(tile_layout, L.TileLayout):
            raise TypeError(f"T.ComposeLayout expects a T.TileLayout, got {tile_layout!r}")
        return L.ComposeLayout(
            int(per_element), int(swizzle_len), int(atom_len), tile_layout, bool(swizzle_inner)
        )


class Iter:
    """One layout dimension: ``T.Iter(extent, stride, axis)`` (``axis`` a name or `Axis`)."""

    def __new__(  # type: ignore[misc]
        cls, extent: PrimExpr | int, stride: PrimExpr | int, axis: L.Axis | str
    ) -> L.Iter:
        ax = L.Axis.get(axis) if isinstance(axis, str) else axis
        return L.Iter(arith.as_expr(extent), arith.as_expr(stride), ax)


def __getattr__(name: str) -> L.Axis:
    """``from tvm.tirx.layout import laneid``: the predefined axes are module attributes."""
    if name in AXIS_NAMES:
        return L.Axis.get(name)
    raise AttributeError(f"module 'tvm.tirx.layout' has no attribute '{name}'")


class _AxisNames:
    """``Axis.laneid``: the axis namespace the printer's ``Axis`` header names."""

    _is_namespace = True

    def __getattr__(self, name: str) -> L.Axis:
        if name.startswith("_"):
            raise AttributeError(name)
        return L.Axis.get(name)

    def __dir__(self) -> list[str]:
        return [*AXIS_NAMES, "get"]

    @staticmethod
    def get(name: str) -> L.Axis:
        """The axis named ``name``."""
        return L.Axis.get(name)


Axis = _AxisNames()
"""``Axis.laneid``, ``Axis.TLane``, ...: the layout axes by name."""

__all__ = [
    "Axis",
    "ComposeLayout",
    "Iter",
    "Layout",
    "LayoutSpec",
    "OnAxis",
    "R",
    "S",
    "SpecBuilder",
    "TileLayout",
]
