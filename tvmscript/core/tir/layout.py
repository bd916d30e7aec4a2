"""Buffer layouts of TVM 0.27's TIRx: how a buffer's elements map onto memory and threads.

A `TileLayout` lists shard iterators (extent, stride, axis), replica iterators and an
offset; an `Axis` names what a stride steps over (``m``: memory, ``laneid``: lanes of a warp,
``TLane``/``TCol``: tensor-memory rows and columns, ...). A `ComposeLayout` applies a swizzle
to a tile layout. In TVMScript they are written ``T.TileLayout(T.S[(8, 4):(4 @ Axis.laneid,
1)] + T.R[2:1 @ Axis.warpid])``; `TileLayout.default` is the row-major layout a buffer gets
when it names none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from tvmscript.core.ir.node import Node
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import IntImm, PrimExpr

AXIS_NAMES: Final = (
    "bx", "by", "bz", "cbx", "cby", "cbz", "tx", "warpid", "laneid", "wgid", "tid_in_wg",
    "wid_in_wg", "m", "P", "F", "Bank", "TCol", "TLane",
)  # fmt: skip
"""The axes TVM 0.27 predefines (``Axis.laneid``); any other name makes a new axis."""
_THREAD_AXES: Final = frozenset(
    {"bx", "by", "bz", "cbx", "cby", "cbz", "tx", "warpid", "laneid", "wgid", "tid_in_wg",
     "wid_in_wg"}
)  # fmt: skip


@dataclass(frozen=True, slots=True, eq=False)
class Axis(Node):
    """A named dimension a layout stride steps over; one object per name (`Axis.get`)."""

    name: str
    """The axis name (``"m"``, ``"laneid"``, ``"TLane"``, ...)."""

    _REGISTRY: ClassVar[dict[str, Axis]] = {}

    @staticmethod
    def get(name: str) -> Axis:
        """The axis named ``name`` (made on first use)."""
        if (axis := Axis._REGISTRY.get(name)) is None:
            axis = Axis._REGISTRY[name] = Axis(name)
        return axis

    @property
    def is_thread(self) -> bool:
        """Whether strides over this axis step across threads (not memory)."""
        return self.name in _THREAD_AXES

    @property
    def is_memory(self) -> bool:
        """Whether strides over this axis step through memory."""
        return not self.is_thread

    def __rmatmul__(self, value: Any) -> OnAxis:
        """``4 @ Axis.laneid``: a stride (or offset term) over this axis."""
        return OnAxis(value, self)

    def __repr__(self) -> str:
        return f"Axis.{self.name}"

    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True)
class OnAxis:
    """``value @ axis``: a stride or offset term bound to an axis (a script value, not IR)."""

    value: Any
    axis: Axis

    def __add__(self, other: Any) -> OffsetSum:
        return OffsetSum.of(self).plus(other)

    def __radd__(self, other: Any) -> OffsetSum:
        return OffsetSum.of(other).plus(self)


@dataclass(frozen=True, slots=True)
class OffsetSum:
    """A sum of axis-bound terms (``1 @ Axis.laneid + 512``); a bare number is over ``m``."""

    terms: tuple[tuple[Axis, Any], ...]

    @staticmethod
    def of(value: Any) -> OffsetSum:
        """``value`` as an offset sum."""
        if isinstance(value, OffsetSum):
            return value
        if isinstance(value, OnAxis):
            return OffsetSum(((value.axis, value.value),))
        return OffsetSum(((Axis.get("m"), value),))

    def __add__(self, other: Any) -> OffsetSum:
        return self.plus(other)

    def plus(self, other: Any) -> OffsetSum:
        """This sum with ``other`` (a term, a sum or a number over ``m``) added."""
        terms = dict(self.terms)
        for axis, value in OffsetSum.of(other).terms:
            terms[axis] = arith.add(terms[axis], value) if axis in terms else value
        return OffsetSum(tuple(terms.items()))

    def __radd__(self, other: Any) -> OffsetSum:
        return OffsetSum.of(other).plus(self)


@dataclass(frozen=True, slots=True, eq=False)
class Iter(Node):
    """One layout dimension: ``extent`` elements, ``stride`` apart along ``axis``."""

    extent: PrimExpr
    stride: PrimExpr
    axis: Axis


class Layout(Node):
    """A buffer layout (`TileLayout` or `ComposeLayout`)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, eq=False)
class TileLayout(Layout):
    """Shard iterators, replica iterators and an offset per axis (TVM's ``tirx.TileLayout``)."""

    shard: tuple[Iter, ...]
    replica: tuple[Iter, ...] = ()
    offset: Mapping[Axis, PrimExpr] = field(default_factory=dict)

    @staticmethod
    def default(shape: Sequence[PrimExpr]) -> TileLayout:
        """The row-major layout of ``shape`` (what a buffer gets when it names none)."""
        return TileLayout(_iters(tuple(shape), None))

    def is_default_for(self, shape: Sequence[PrimExpr]) -> bool:
        """Whether this is the row-major layout of ``shape`` (not printed on a buffer)."""
        from tvmscript.core.ir.structural import structural_equal

        return structural_equal(self, TileLayout.default(shape))


@dataclass(frozen=True, slots=True, eq=False)
class ComposeLayout(Layout):
    """A swizzle applied to ``tile_layout`` (TVM's ``tirx.ComposeLayout``)."""

    per_element: int
    swizzle_len: int
    atom_len: int
    tile_layout: TileLayout
    swizzle_inner: bool = True


def _iters(shape: tuple[Any, ...], strides: tuple[Any, ...] | None) -> tuple[Iter, ...]:
    """Iterators of ``S[shape:strides]`` (row-major strides when none are given)."""
    if strides is None:
        strides = _row_major(shape)
    if len(strides) != len(shape):
        raise ValueError(
            f"a layout has {len(shape)} extents but {len(strides)} strides; give one per extent"
        )
    out: list[Iter] = []
    for extent, stride in zip(shape, strides, strict=True):
        if isinstance(stride, OnAxis):
            out.append(Iter(arith.as_expr(extent), arith.as_expr(stride.value), stride.axis))
        elif isinstance(stride, str):
            out.append(Iter(arith.as_expr(extent), IntImm("int32", 1), Axis.get(stride)))
        else:
            out.append(Iter(arith.as_expr(extent), arith.as_expr(stride), Axis.get("m")))
    return tuple(out)


def _row_major(shape: tuple[Any, ...]) -> tuple[Any, ...]:
    strides: list[Any] = []
    acc: Any = 1
    for extent in reversed(shape):
        strides.append(acc)
        if isinstance(acc, PrimExpr) or isinstance(extent, PrimExpr):
            acc = arith.mul(acc, extent)
        else:
            acc = acc * extent
    return tuple(reversed(strides))


def iters_of(shape: tuple[Any, ...], strides: tuple[Any, ...] | None) -> tuple[Iter, ...]:
    """The iterators a ``S[shape:strides]`` spec stands for."""
    return _iters(shape, strides)
