"""Buffers: typed multi-dimensional views of memory, and regions of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.node import SEQ_DEF, SEQ_IGNORE, Node
from tvmscript.core.tir import affine, arith
from tvmscript.core.tir.expr import (
    BufferLoad,
    IntImm,
    PointerType,
    PrimExpr,
    Range,
    Var,
)


@dataclass(frozen=True, slots=True, eq=False)
class Buffer(Node):
    """A buffer: ``dtype`` elements of ``shape`` at pointer ``data`` (TVM's tir.Buffer)."""

    seq_kind: ClassVar[str] = "buffer"

    data: Var = field(metadata=SEQ_DEF)
    """The pointer variable (dtype ``handle``, a `PointerType` annotation with the scope)."""
    dtype: str
    """Element dtype."""
    shape: tuple[PrimExpr, ...]
    """Extent of each dimension."""
    strides: tuple[PrimExpr, ...] = ()
    """Element stride of each dimension; empty means compact row-major."""
    elem_offset: PrimExpr | None = None
    """Offset of the first element, in elements (``None``: zero)."""
    name: str = field(default="buffer", metadata=SEQ_IGNORE)
    """Name hint."""
    data_alignment: int = 64
    """Alignment of ``data`` in bytes."""
    offset_factor: int = 1
    """Factor ``elem_offset`` is a multiple of."""
    buffer_type: str = "default"
    """``"default"`` or ``"auto_broadcast"``."""
    axis_separators: tuple[int, ...] = ()
    """Boundaries of the physical axes."""
    layout: Any = None
    """TVM 0.27's buffer layout: ``None`` the default of its function (row-major in a TIRx
    function, none in an s_tir one), ``"scalar"`` the default of a ``(1,)`` buffer in a TIRx
    function (printed and read as a scalar: ``out = x``), ``"none"`` no layout where one would
    be the default (``layout=None``), or a `Layout` (``T.TileLayout(...)``)."""
    allocated_addr: tuple[PrimExpr, ...] = ()
    """Where the buffer lives in a pooled storage scope (``allocated_addr=0``)."""

    @property
    def scope(self) -> str:
        """The storage scope of ``data`` (``"global"``, ``"shared"``, ``"local"``, ...)."""
        ann = self.data.type_annotation
        return ann.storage_scope if isinstance(ann, PointerType) else "global"

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __getitem__(self, key: Any) -> Any:
        """``A[i, j]`` loads; ``A[i:j, k]`` is a region (as in ``T.reads``)."""
        indices = key if isinstance(key, tuple) else (key,)
        if any(isinstance(i, slice) for i in indices):
            return BufferRegion.from_indices(self, indices)
        return BufferLoad(self, tuple(arith.as_expr(i) for i in indices))

    def load(self, indices: Sequence[PrimExpr]) -> BufferLoad:
        """A load at ``indices``."""
        return BufferLoad(self, tuple(indices))

    def scalar_value(self) -> BufferLoad:
        """The value of a scalar buffer (``layout == "scalar"``): its one element."""
        if self.layout != "scalar":
            raise TypeError(f"buffer '{self.name}' is not a value: index it (``{self.name}[i]``)")
        return BufferLoad(self, (IntImm(_index_dtype(self.shape), 0),))

    # A scalar buffer (`out: T.Buffer((1,), ...)` outside s_tir) reads as its element, as in
    # TVM 0.27's printed text: `out = out + 1`.
    def __add__(self, other: Any) -> PrimExpr:
        return arith.add(self.scalar_value(), other)

    def __radd__(self, other: Any) -> PrimExpr:
        return arith.add(other, self.scalar_value())

    def __sub__(self, other: Any) -> PrimExpr:
        return arith.sub(self.scalar_value(), other)

    def __rsub__(self, other: Any) -> PrimExpr:
        return arith.sub(other, self.scalar_value())

    def __mul__(self, other: Any) -> PrimExpr:
        return arith.mul(self.scalar_value(), other)

    def __rmul__(self, other: Any) -> PrimExpr:
        return arith.mul(other, self.scalar_value())

    def __truediv__(self, other: Any) -> PrimExpr:
        return arith.true_divide(self.scalar_value(), other)

    def __floordiv__(self, other: Any) -> PrimExpr:
        return arith.floordiv(self.scalar_value(), other)

    def __mod__(self, other: Any) -> PrimExpr:
        return arith.floormod(self.scalar_value(), other)

    def __neg__(self) -> PrimExpr:
        return arith.neg(self.scalar_value())

    def __lt__(self, other: Any) -> PrimExpr:
        return arith.less(self.scalar_value(), other)

    def __le__(self, other: Any) -> PrimExpr:
        return arith.less_equal(self.scalar_value(), other)

    def __gt__(self, other: Any) -> PrimExpr:
        return arith.greater(self.scalar_value(), other)

    def __ge__(self, other: Any) -> PrimExpr:
        return arith.greater_equal(self.scalar_value(), other)

    def __repr__(self) -> str:
        return f"Buffer({self.name!r}, {self.dtype!r}, rank={len(self.shape)})"

    __hash__ = object.__hash__


def make_buffer(
    name: str,
    shape: Sequence[PrimExpr],
    dtype: str = "float32",
    *,
    data: Var | None = None,
    strides: Sequence[PrimExpr] = (),
    elem_offset: PrimExpr | None = None,
    scope: str = "global",
    data_alignment: int = 64,
    offset_factor: int = 1,
    buffer_type: str = "default",
    axis_separators: Sequence[int] = (),
) -> Buffer:
    """A new buffer, with a fresh ``data`` pointer unless one is given."""
    if data is None:
        elem = "bool" if DataType.of(dtype).is_bool else dtype
        data = Var(name, "handle", PointerType(elem, scope))
    return Buffer(
        data,
        dtype,
        tuple(shape),
        tuple(strides),
        elem_offset,
        name,
        data_alignment,
        offset_factor,
        buffer_type,
        tuple(axis_separators),
    )


@dataclass(frozen=True, slots=True, eq=False)
class BufferRegion(Node):
    """A rectangular region of a buffer (one `Range` per dimension)."""

    buffer: Buffer
    region: tuple[Range, ...]

    @staticmethod
    def full(buffer: Buffer) -> BufferRegion:
        """The whole of ``buffer``."""
        zero = IntImm(_index_dtype(buffer.shape), 0)
        return BufferRegion(buffer, tuple(Range(zero, e) for e in buffer.shape))

    @staticmethod
    def from_indices(buffer: Buffer, indices: Sequence[Any]) -> BufferRegion:
        """A region from indices and slices (``A[i, 0:n]``); a point is an extent of 1."""
        region: list[Range] = []
        for i, idx in enumerate(indices):
            if not isinstance(idx, slice):
                point = arith.as_expr(idx)
                region.append(Range(point, arith.make_const(point.dtype, 1)))
                continue
            if idx.step is not None and not (isinstance(idx.step, int) and idx.step == 1):
                raise ValueError("a buffer region slice cannot have a step")
            dim = buffer.shape[i] if i < len(buffer.shape) else None
            start = arith.as_expr(0 if idx.start is None else idx.start)
            stop = idx.stop if idx.stop is not None else dim
            if stop is None:
                raise ValueError("a slice past the buffer's rank needs a stop")
            region.append(Range(start, affine.extent(start, arith.as_expr(stop))))
        return BufferRegion(buffer, tuple(region))


@dataclass(frozen=True, slots=True, eq=False)
class MatchBufferRegion(Node):
    """``buffer`` bound to the region ``source`` (a block's ``T.match_buffer``)."""

    buffer: Buffer = field(metadata=SEQ_DEF)
    source: BufferRegion


def _index_dtype(shape: Sequence[PrimExpr]) -> str:
    return shape[0].dtype if shape else "int32"
