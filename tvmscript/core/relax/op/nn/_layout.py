"""Data layouts (``"NCHW"``, ``"NHWC"``, ``"OIHW"``): the position of each named axis."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.op._common import fail, int_list
from tvmscript.core.tir import expr as E


def check_layout(layout: str, letters: str, what: str) -> None:
    """An error unless ``layout`` orders exactly ``letters`` (case-sensitive)."""
    if sorted(layout) != sorted(letters):
        raise fail(f"{what} layout {layout!r} is not a permutation of {letters!r}")


def to_canonical(dims: Sequence[E.PrimExpr], layout: str, canonical: str) -> list[E.PrimExpr]:
    """``dims`` laid out as ``layout``, reordered as ``canonical``."""
    return [dims[layout.index(letter)] for letter in canonical]


def from_canonical(dims: Sequence[E.PrimExpr], canonical: str, layout: str) -> list[E.PrimExpr]:
    """``dims`` in ``canonical`` order, reordered as ``layout``."""
    return [dims[canonical.index(letter)] for letter in layout]


def spatial(value: int | Sequence[int], n: int) -> tuple[int, ...]:
    """A per-spatial-axis attribute: one int (or a 1-sequence) repeated ``n`` times."""
    values = int_list(value, n)
    return values * n if len(values) == 1 else values


def padding(value: int | Sequence[int], n: int) -> tuple[int, ...]:
    """Padding as ``2 * n`` values (all befores, then all afters), as TVM normalises it."""
    values = int_list(value, n)
    if len(values) == 1:
        return values * (2 * n)
    if len(values) == n:
        return values + values
    return values
