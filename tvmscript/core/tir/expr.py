"""TIR expressions (`PrimExpr`) and the auxiliary nodes they use (Range, IterVar, ...).

Python operators on expressions build IR with TVM's dtype rules (see `tir.arith`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Union

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.node import SEQ_DEF, SEQ_IGNORE, Node
from tvmscript.core.ir.op import Op as Op

if TYPE_CHECKING:
    from tvmscript.core.tir.buffer import Buffer

Operand = Union["PrimExpr", int, float, bool]


class PrimExpr(Node):
    """A scalar or vector expression with a dtype."""

    __slots__ = ()

    if TYPE_CHECKING:  # a field of every concrete expression (a class attribute here would
        # become the dataclass default of those fields)
        @property
        def dtype(self) -> str: ...

    # Operators build IR (TVM's PrimExprWithOp); `arith` applies dtype rules and folding.
    def __add__(self, other: Operand) -> PrimExpr:
        return _arith.add(self, other)

    def __radd__(self, other: Operand) -> PrimExpr:
        return _arith.add(other, self)

    def __sub__(self, other: Operand) -> PrimExpr:
        return _arith.sub(self, other)

    def __rsub__(self, other: Operand) -> PrimExpr:
        return _arith.sub(other, self)

    def __mul__(self, other: Operand) -> PrimExpr:
        return _arith.mul(self, other)

    def __rmul__(self, other: Operand) -> PrimExpr:
        return _arith.mul(other, self)

    def __truediv__(self, other: Operand) -> PrimExpr:
        return _arith.true_divide(self, other)

    def __rtruediv__(self, other: Operand) -> PrimExpr:
        return _arith.true_divide(other, self)

    def __floordiv__(self, other: Operand) -> PrimExpr:
        return _arith.floordiv(self, other)

    def __rfloordiv__(self, other: Operand) -> PrimExpr:
        return _arith.floordiv(other, self)

    def __mod__(self, other: Operand) -> PrimExpr:
        return _arith.floormod(self, other)

    def __rmod__(self, other: Operand) -> PrimExpr:
        return _arith.floormod(other, self)

    def __pow__(self, other: Operand) -> PrimExpr:
        return _arith.power(self, other)

    def __rpow__(self, other: Operand) -> PrimExpr:
        return _arith.power(other, self)

    def __neg__(self) -> PrimExpr:
        return _arith.neg(self)

    def __invert__(self) -> PrimExpr:
        return _arith.bitwise_not(self)

    def __and__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_and(self, other)

    def __rand__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_and(other, self)

    def __or__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_or(self, other)

    def __ror__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_or(other, self)

    def __xor__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_xor(self, other)

    def __rxor__(self, other: Operand) -> PrimExpr:
        return _arith.bitwise_xor(other, self)

    def __lshift__(self, other: Operand) -> PrimExpr:
        return _arith.shift_left(self, other)

    def __rlshift__(self, other: Operand) -> PrimExpr:
        return _arith.shift_left(other, self)

    def __rshift__(self, other: Operand) -> PrimExpr:
        return _arith.shift_right(self, other)

    def __rrshift__(self, other: Operand) -> PrimExpr:
        return _arith.shift_right(other, self)

    def __lt__(self, other: Operand) -> PrimExpr:
        return _arith.less(self, other)

    def __le__(self, other: Operand) -> PrimExpr:
        return _arith.less_equal(self, other)

    def __gt__(self, other: Operand) -> PrimExpr:
        return _arith.greater(self, other)

    def __ge__(self, other: Operand) -> PrimExpr:
        return _arith.greater_equal(self, other)

    def __eq__(self, other: object) -> Any:  # TVM's EqualOp: IR, truthy only for identity
        if not isinstance(other, PrimExpr | int | float):
            return NotImplemented
        return _arith.equal(self, other)

    def __ne__(self, other: object) -> Any:
        if not isinstance(other, PrimExpr | int | float):
            return NotImplemented
        return _arith.not_equal(self, other)

    __hash__ = object.__hash__

    def __bool__(self) -> bool:
        raise TypeError(
            "a TIR expression has no Python truth value; use T.And/T.Or/T.Not or `if` in TIR"
        )

    def astype(self, dtype: str) -> PrimExpr:
        """Cast to ``dtype`` (folds constants, as TVM's `cast`)."""
        return _arith.cast(dtype, self)


# ---------------------------------------------------------------------------------------------
# Leaves


class Type(Node):
    """A type annotation of a variable (beyond its dtype)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, eq=False)
class PrimType(Type):
    """The type of a scalar of ``dtype``."""

    dtype: str


@dataclass(frozen=True, slots=True, eq=False)
class PointerType(Type):
    """A pointer to ``element_dtype`` in memory ``storage_scope``."""

    element_dtype: str
    storage_scope: str = "global"


@dataclass(frozen=True, slots=True, eq=False)
class StringType(Type):
    """The type of a string value (``I.StringType()``)."""


@dataclass(frozen=True, slots=True, eq=False)
class TupleType(Type):
    """A tuple type; the empty tuple is ``void``."""

    fields: tuple[Type, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Var(PrimExpr):
    """A variable; two `Var`s with the same name are different variables."""

    seq_kind: ClassVar[str] = "var"

    name: str = field(metadata=SEQ_IGNORE)
    dtype: str = "int32"
    type_annotation: Type | None = None

    @property
    def ty(self) -> Type:
        """The variable's type (TVM 0.27's ``Var.ty``: ``T.handle().ty`` names ``handle``)."""
        return self.type_annotation or PrimType(self.dtype)

    def __repr__(self) -> str:
        return f"Var({self.name!r}, {self.dtype!r})"


@dataclass(frozen=True, slots=True, eq=False)
class SizeVar(Var):
    """A variable known to be non-negative (a shape dimension)."""

    def __repr__(self) -> str:
        return f"SizeVar({self.name!r}, {self.dtype!r})"


@dataclass(frozen=True, slots=True, eq=False)
class IntImm(PrimExpr):
    """An integer (or bool) constant."""

    dtype: str
    value: int

    def __bool__(self) -> bool:
        return self.value != 0

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value

    def __repr__(self) -> str:
        return f"IntImm({self.dtype!r}, {self.value})"


@dataclass(frozen=True, slots=True, eq=False)
class FloatImm(PrimExpr):
    """A floating-point constant."""

    dtype: str
    value: float

    def __float__(self) -> float:
        return self.value

    def __repr__(self) -> str:
        return f"FloatImm({self.dtype!r}, {self.value!r})"


@dataclass(frozen=True, slots=True, eq=False)
class StringImm(PrimExpr):
    """A string constant (dtype ``handle``)."""

    value: str
    dtype: str = "handle"


# ---------------------------------------------------------------------------------------------
# Composite expressions


@dataclass(frozen=True, slots=True, eq=False)
class Cast(PrimExpr):
    """``value`` converted to ``dtype``."""

    dtype: str
    value: PrimExpr

    def __post_init__(self) -> None:
        if not isinstance(self.value, PrimExpr):  # `T.Cast("int64", 0)`: a constant, uncast
            object.__setattr__(self, "value", _arith.as_expr(self.value))


@dataclass(frozen=True, slots=True, eq=False)
class BinaryOp(PrimExpr):
    """Base of two-operand arithmetic; ``dtype`` defaults to the operands'."""

    a: PrimExpr
    b: PrimExpr
    dtype: str = ""

    def __post_init__(self) -> None:
        _init_operands(self)
        if not self.dtype:
            object.__setattr__(self, "dtype", self.a.dtype)


def _init_operands(node: BinaryOp | CmpOp) -> None:
    """Python scalars given to a node constructor take the other operand's type."""
    a: object = node.a
    b: object = node.b
    if isinstance(a, PrimExpr) and isinstance(b, PrimExpr):
        return
    if not isinstance(a, PrimExpr) and isinstance(b, PrimExpr):
        object.__setattr__(node, "a", _arith.script_literal(a, b))
    elif not isinstance(b, PrimExpr) and isinstance(a, PrimExpr):
        object.__setattr__(node, "b", _arith.script_literal(b, a))
    else:
        object.__setattr__(node, "a", _arith.as_expr(a))
        object.__setattr__(node, "b", _arith.as_expr(b))


@dataclass(frozen=True, slots=True, eq=False)
class Add(BinaryOp):
    """``a + b``."""


@dataclass(frozen=True, slots=True, eq=False)
class Sub(BinaryOp):
    """``a - b``."""


@dataclass(frozen=True, slots=True, eq=False)
class Mul(BinaryOp):
    """``a * b``."""


@dataclass(frozen=True, slots=True, eq=False)
class Div(BinaryOp):
    """``a / b``: true division for floats, truncating division for integers."""


@dataclass(frozen=True, slots=True, eq=False)
class Mod(BinaryOp):
    """Truncating remainder (sign of ``a``)."""


@dataclass(frozen=True, slots=True, eq=False)
class FloorDiv(BinaryOp):
    """``a // b``: division rounding towards negative infinity."""


@dataclass(frozen=True, slots=True, eq=False)
class FloorMod(BinaryOp):
    """``a % b``: remainder with the sign of ``b``."""


@dataclass(frozen=True, slots=True, eq=False)
class Min(BinaryOp):
    """``min(a, b)``."""


@dataclass(frozen=True, slots=True, eq=False)
class Max(BinaryOp):
    """``max(a, b)``."""


@dataclass(frozen=True, slots=True, eq=False)
class CmpOp(PrimExpr):
    """Base of comparisons; the result is ``bool`` with the operands' lanes."""

    a: PrimExpr
    b: PrimExpr
    dtype: str = ""

    def __post_init__(self) -> None:
        _init_operands(self)
        if not self.dtype:
            object.__setattr__(self, "dtype", DataType.of(self.a.dtype).with_lanes_bool())


@dataclass(frozen=True, slots=True, eq=False)
class EQ(CmpOp):
    """``a == b``; truthy in Python only when ``a`` and ``b`` are the same node."""

    def __bool__(self) -> bool:
        return self.a is self.b

    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True, eq=False)
class NE(CmpOp):
    """``a != b``; truthy in Python only when ``a`` and ``b`` are different nodes."""

    def __bool__(self) -> bool:
        return self.a is not self.b

    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True, eq=False)
class LT(CmpOp):
    """``a < b``."""


@dataclass(frozen=True, slots=True, eq=False)
class LE(CmpOp):
    """``a <= b``."""


@dataclass(frozen=True, slots=True, eq=False)
class GT(CmpOp):
    """``a > b``."""


@dataclass(frozen=True, slots=True, eq=False)
class GE(CmpOp):
    """``a >= b``."""


@dataclass(frozen=True, slots=True, eq=False)
class And(CmpOp):
    """Logical ``a and b`` on booleans."""


@dataclass(frozen=True, slots=True, eq=False)
class Or(CmpOp):
    """Logical ``a or b`` on booleans."""


@dataclass(frozen=True, slots=True, eq=False)
class Not(PrimExpr):
    """Logical ``not a``."""

    a: PrimExpr
    dtype: str = ""

    def __post_init__(self) -> None:
        if not self.dtype:
            object.__setattr__(self, "dtype", self.a.dtype)


@dataclass(frozen=True, slots=True, eq=False)
class Select(PrimExpr):
    """``true_value if condition else false_value``, both sides evaluated."""

    condition: PrimExpr
    true_value: PrimExpr
    false_value: PrimExpr
    dtype: str = ""

    def __post_init__(self) -> None:
        # Python scalars (`T.Select(c, n, 0)`) take the other branch's type, as in BinaryOp.
        t: object = self.true_value
        f: object = self.false_value
        if not isinstance(t, PrimExpr) and isinstance(f, PrimExpr):
            object.__setattr__(self, "true_value", _arith.script_literal(t, f))
        elif not isinstance(f, PrimExpr) and isinstance(t, PrimExpr):
            object.__setattr__(self, "false_value", _arith.script_literal(f, t))
        elif not isinstance(t, PrimExpr):
            object.__setattr__(self, "true_value", _arith.as_expr(t))
            object.__setattr__(self, "false_value", _arith.as_expr(f))
        if not isinstance(self.condition, PrimExpr):
            object.__setattr__(self, "condition", _arith.as_expr(self.condition))
        if not self.dtype:
            object.__setattr__(self, "dtype", self.true_value.dtype)


@dataclass(frozen=True, slots=True, eq=False)
class BufferLoad(PrimExpr):
    """``buffer[indices]``; a vector load when an index is a vector."""

    buffer: Buffer
    indices: tuple[PrimExpr, ...]
    predicate: PrimExpr | None = None
    dtype: str = ""

    def __post_init__(self) -> None:
        if not self.dtype:
            object.__setattr__(self, "dtype", load_dtype(self.buffer.dtype, self.indices))


def load_dtype(buffer_dtype: str, indices: Sequence[PrimExpr]) -> str:
    """The dtype of a load at ``indices``: vector when the last index is a vector."""
    if not indices:
        return buffer_dtype
    lanes = DataType.of(indices[-1].dtype).lanes
    if lanes == 1:
        return buffer_dtype
    elem = DataType.of(buffer_dtype)
    return elem.with_lanes(elem.lanes * lanes)


@dataclass(frozen=True, slots=True, eq=False)
class Ramp(PrimExpr):
    """The vector ``[base, base + stride, ..., base + (lanes - 1) * stride]``."""

    base: PrimExpr
    stride: PrimExpr
    lanes: int
    dtype: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.base, PrimExpr):  # `T.Ramp(0, 1, 4)`: numbers as constants
            object.__setattr__(self, "base", _arith.as_expr(self.base))
        if not isinstance(self.stride, PrimExpr):
            object.__setattr__(self, "stride", _arith.make_const(self.base.dtype, self.stride))
        if not self.dtype:
            object.__setattr__(self, "dtype", DataType.of(self.base.dtype).with_lanes(self.lanes))


@dataclass(frozen=True, slots=True, eq=False)
class Broadcast(PrimExpr):
    """``value`` repeated in ``lanes`` lanes."""

    value: PrimExpr
    lanes: int
    dtype: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.value, PrimExpr):
            object.__setattr__(self, "value", _arith.as_expr(self.value))
        if not self.dtype:
            object.__setattr__(self, "dtype", DataType.of(self.value.dtype).with_lanes(self.lanes))


@dataclass(frozen=True, slots=True, eq=False)
class Shuffle(PrimExpr):
    """Lanes of the concatenated ``vectors`` picked by ``indices``."""

    vectors: tuple[PrimExpr, ...]
    indices: tuple[PrimExpr, ...]
    dtype: str = ""

    def __post_init__(self) -> None:
        if not self.dtype:
            elem = DataType.of(self.vectors[0].dtype)
            object.__setattr__(self, "dtype", elem.with_lanes(len(self.indices)))


@dataclass(frozen=True, slots=True, eq=False)
class Let(PrimExpr):
    """``body`` with ``var`` bound to ``value`` (an expression-level let)."""

    var: Var = field(metadata=SEQ_DEF)
    value: PrimExpr
    body: PrimExpr
    dtype: str = ""

    def __post_init__(self) -> None:
        if not self.dtype:
            object.__setattr__(self, "dtype", self.body.dtype)


@dataclass(frozen=True, slots=True, eq=False)
class Call(PrimExpr):
    """A call of an intrinsic `Op` (or a `GlobalVar`) producing ``dtype``."""

    dtype: str
    op: Node
    args: tuple[Any, ...]
    attrs: Any = None
    """Options of the call printed as keywords (``T.call_ffi_kernel(..., launch_params=[...])``):
    a mapping of name to value, or None."""


@dataclass(frozen=True, slots=True, eq=False)
class Reduce(PrimExpr):
    """A commutative reduction of ``source`` over the axes ``axis`` (TE's ``T.Reduce``)."""

    combiner: Any
    """The `CommReducer`."""
    source: tuple[PrimExpr, ...]
    axis: tuple[Any, ...]
    """The reduction iteration variables (`IterVar`)."""
    condition: PrimExpr
    value_index: int
    init: tuple[PrimExpr, ...] = ()
    dtype: str = ""

    def __post_init__(self) -> None:
        if not self.dtype:
            object.__setattr__(self, "dtype", self.source[self.value_index].dtype)


# ---------------------------------------------------------------------------------------------
# Auxiliary nodes


@dataclass(frozen=True, slots=True, eq=False)
class Range(Node):
    """The half-open interval ``[min, min + extent)``."""

    min: PrimExpr
    extent: PrimExpr

    @staticmethod
    def from_min_extent(min_value: Operand, extent: Operand) -> Range:
        """A range from ``min_value`` spanning ``extent`` (constants become IR)."""
        return Range(_arith.as_expr(min_value), _arith.as_expr(extent))


class IterType(Enum):
    """How a block axis or loop iterates (TVM's IterVarType)."""

    DATA_PAR = 0  # spatial: "S"
    THREAD_INDEX = 1
    COMM_REDUCE = 2  # reduce: "R"
    ORDERED = 3  # scan
    OPAQUE = 4
    UNROLLED = 5
    VECTORIZED = 6
    PARALLELIZED = 7
    TENSORIZED = 8


@dataclass(frozen=True, slots=True, eq=False)
class IterVar(Node):
    """A block axis (or thread) ``var`` ranging over ``dom``."""

    dom: Range | None
    var: Var = field(metadata=SEQ_DEF)
    iter_type: IterType
    thread_tag: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class CommReducer(Node):
    """A commutative reducer ``lhs, rhs -> result`` with ``identity_element``."""

    lhs: tuple[Var, ...] = field(metadata=SEQ_DEF)
    rhs: tuple[Var, ...] = field(metadata=SEQ_DEF)
    result: tuple[PrimExpr, ...]
    identity_element: tuple[PrimExpr, ...]


from tvmscript.core.tir import arith as _arith  # noqa: E402  (arith builds the nodes above)
