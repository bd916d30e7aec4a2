"""Struct info: what Relax knows statically about a value (TVM's ``relax.StructInfo``).

A tensor's shape is either known (a `ShapeExpr` of TIR expressions whose variables are the
symbolic dimensions, shared with TIR), held by a shape variable, or unknown with only the
rank (``ndim``, -1 when unknown too). ``dtype`` ``"void"`` means an unknown dtype.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.node import SEQ_IGNORE, Node

if TYPE_CHECKING:
    from tvmscript.core.relax.expr import Expr
    from tvmscript.core.tir.expr import PrimExpr

UNKNOWN_NDIM = -1
"""``ndim`` of a tensor or shape whose rank is not known."""
VOID = "void"
"""``dtype`` of a tensor or PrimValue whose element type is not known."""


class StructInfo(Node):
    """Base of every struct info."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, eq=False)
class ObjectStructInfo(StructInfo):
    """Any value (``R.Object``)."""


@dataclass(frozen=True, slots=True, eq=False)
class PrimStructInfo(StructInfo):
    """A scalar of ``dtype``, its value known when ``value`` is given (``R.Prim("int64")``)."""

    dtype: str = VOID
    """Element type (``"void"``: unknown)."""
    value: PrimExpr | None = None
    """The value, when known (``R.Prim(value=n)``)."""


@dataclass(frozen=True, slots=True, eq=False)
class ShapeStructInfo(StructInfo):
    """A shape value (``R.Shape([n, 4])`` or ``R.Shape(ndim=2)``)."""

    values: tuple[PrimExpr, ...] | None = None
    """Each dimension, when known."""
    ndim: int = UNKNOWN_NDIM
    """The rank (-1: unknown); equals ``len(values)`` when the values are known."""

    def __post_init__(self) -> None:
        if self.values is not None and self.ndim != len(self.values):
            object.__setattr__(self, "ndim", len(self.values))


@dataclass(frozen=True, slots=True, eq=False)
class TensorStructInfo(StructInfo):
    """A tensor (``R.Tensor((n, 4), "float32")``, ``R.Tensor(ndim=2)``, ``R.Tensor``)."""

    shape: Expr | None = None
    """The shape: a `ShapeExpr`, a variable holding a shape, or None when unknown."""
    dtype: str = VOID
    """Element type (``"void"``: unknown)."""
    ndim: int = UNKNOWN_NDIM
    """The rank (-1: unknown); the shape's rank when the shape is known."""
    vdevice: VDevice | None = None
    """The virtual device the tensor lives on, when fixed (``R.Tensor(..., "cuda:0")``)."""

    def __post_init__(self) -> None:
        if self.shape is not None and self.ndim == UNKNOWN_NDIM:
            ndim = _shape_ndim(self.shape)
            if ndim != UNKNOWN_NDIM:
                object.__setattr__(self, "ndim", ndim)

    @property
    def shape_values(self) -> tuple[PrimExpr, ...] | None:
        """The dimensions when the shape is a known `ShapeExpr`, else None."""
        from tvmscript.core.relax.expr import ShapeExpr

        return self.shape.values if isinstance(self.shape, ShapeExpr) else None

    @property
    def is_unknown_ndim(self) -> bool:
        return self.ndim == UNKNOWN_NDIM

    @property
    def is_unknown_dtype(self) -> bool:
        return self.dtype == VOID


@dataclass(frozen=True, slots=True, eq=False)
class TupleStructInfo(StructInfo):
    """A tuple of values (``R.Tuple(R.Tensor(...), R.Shape(...))``)."""

    fields: tuple[StructInfo, ...] = ()
    """The struct info of each element."""


@dataclass(frozen=True, slots=True, eq=False)
class FuncStructInfo(StructInfo):
    """A function (``R.Callable([R.Tensor(...)], R.Tensor(...))``)."""

    params: tuple[StructInfo, ...] | None
    """The parameters' struct info; None for an opaque function (any arguments)."""
    ret: StructInfo
    """The struct info of the result."""
    purity: bool = True
    """Whether calling it has no visible side effect."""
    derive_func: str | None = field(default=None, metadata=SEQ_IGNORE)
    """For opaque functions: the name of a function deriving the result's struct info."""

    @property
    def is_opaque(self) -> bool:
        return self.params is None


def _shape_ndim(shape: Expr) -> int:
    from tvmscript.core.relax.expr import ShapeExpr

    if isinstance(shape, ShapeExpr):
        return len(shape.values)
    info = getattr(shape, "struct_info", None)
    if isinstance(info, ShapeStructInfo):
        return info.ndim
    return UNKNOWN_NDIM
