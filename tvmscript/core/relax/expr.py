"""Relax expressions, bindings and functions (TVM's ``relax.Expr`` family).

Every expression carries its `StructInfo` once known (``struct_info``; set at construction or
by the normaliser, never changed afterwards). It is derived data, so structural equality skips
it, except on variables, whose struct info is part of their definition (a parameter's
annotation, a `MatchCast`'s target) and defines the symbolic dimensions it mentions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tvmscript.core.ir.node import SEQ_DEF, SEQ_IGNORE, Node
from tvmscript.core.relax.struct_info import StructInfo

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from tvmscript.core.tir.expr import PrimExpr


@dataclass(frozen=True, slots=True, eq=False)
class Expr(Node):
    """Base of Relax expressions."""

    struct_info: StructInfo | None = field(
        default=None, kw_only=True, compare=False, metadata=SEQ_IGNORE
    )
    """What is known of the value (None until normalised)."""

    def with_struct_info(self, info: StructInfo) -> Any:
        """This node, its struct info set to ``info`` (in place when it had none)."""
        if self.struct_info is None:
            object.__setattr__(self, "struct_info", info)
            return self
        from tvmscript.core.ir.node import replace_fields

        return replace_fields(self, struct_info=info)

    # Python operators call Relax operators, as TVM's ``ExprWithOp`` (``x + y`` is
    # ``R.add(x, y)``); Python scalars must be made constants first (``R.const``).
    def __add__(self, other: object) -> Any:
        return _binary("add", self, other)

    def __radd__(self, other: object) -> Any:
        return _binary("add", other, self)

    def __sub__(self, other: object) -> Any:
        return _binary("subtract", self, other)

    def __rsub__(self, other: object) -> Any:
        return _binary("subtract", other, self)

    def __mul__(self, other: object) -> Any:
        return _binary("multiply", self, other)

    def __rmul__(self, other: object) -> Any:
        return _binary("multiply", other, self)

    def __truediv__(self, other: object) -> Any:
        return _binary("divide", self, other)

    def __rtruediv__(self, other: object) -> Any:
        return _binary("divide", other, self)

    def __floordiv__(self, other: object) -> Any:
        return _binary("floor_divide", self, other)

    def __rfloordiv__(self, other: object) -> Any:
        return _binary("floor_divide", other, self)

    def __mod__(self, other: object) -> Any:
        return _binary("mod", self, other)

    def __rmod__(self, other: object) -> Any:
        return _binary("mod", other, self)

    def __pow__(self, other: object) -> Any:
        return _binary("power", self, other)

    def __rpow__(self, other: object) -> Any:
        return _binary("power", other, self)

    def __lt__(self, other: object) -> Any:
        return _binary("less", self, other)

    def __le__(self, other: object) -> Any:
        return _binary("less_equal", self, other)

    def __gt__(self, other: object) -> Any:
        return _binary("greater", self, other)

    def __ge__(self, other: object) -> Any:
        return _binary("greater_equal", self, other)

    def __neg__(self) -> Any:
        from tvmscript.core.relax import op

        return op.negative(self)

    def astype(self, dtype: str) -> Any:
        """``R.astype(self, dtype)``."""
        from tvmscript.core.relax import op

        return op.astype(self, dtype)


def _binary(name: str, lhs: object, rhs: object) -> Any:
    for operand in (lhs, rhs):
        if not isinstance(operand, Expr):
            raise TypeError(
                f"cannot apply a Relax operator to {operand!r}: convert it with R.const first"
            )
    from tvmscript.core.relax import op

    return getattr(op, name)(lhs, rhs)


@dataclass(frozen=True, slots=True, eq=False)
class Var(Expr):
    """A variable bound by a function parameter or a binding."""

    seq_kind: ClassVar[str] = "var"

    name_hint: str = field(metadata=SEQ_IGNORE)
    """The name in the source (two variables may share it)."""
    struct_info: StructInfo | None = field(default=None, kw_only=True, compare=False)
    """The variable's struct info: compared at its definition."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name_hint!r})"


@dataclass(frozen=True, slots=True, eq=False)
class DataflowVar(Var):
    """A variable local to a dataflow block (not visible after it unless output)."""


@dataclass(frozen=True, slots=True, eq=False)
class Constant(Expr):
    """A constant tensor (``R.const(...)``, ``metadata["ir.GenericConst"][i]``)."""

    type_key: ClassVar[str] = "ir.GenericConst"
    """TVM 0.27's type key: the printed metadata section of constants."""

    data: npt.NDArray[Any]
    """The value."""

    @property
    def dtype(self) -> str:
        return str(self.data.dtype) if self.data.dtype != bool else "bool"

    def numpy(self) -> np.ndarray[Any, Any]:
        return self.data


@dataclass(frozen=True, slots=True, eq=False)
class Tuple(Expr):
    """``(a, b, ...)``."""

    fields: tuple[Expr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class TupleGetItem(Expr):
    """``t[index]``."""

    tuple_value: Expr
    index: int


@dataclass(frozen=True, slots=True, eq=False)
class ShapeExpr(Expr):
    """A shape value ``R.shape([n, 4])``; also a tensor struct info's known shape."""

    values: tuple[PrimExpr, ...]


@dataclass(frozen=True, slots=True, eq=False)
class PrimValue(Expr):
    """A TIR scalar used as a Relax value (``R.prim_value(n)``)."""

    value: PrimExpr


@dataclass(frozen=True, slots=True, eq=False)
class StringImm(Expr):
    """A string value (``R.str("x = {}")``)."""

    value: str


@dataclass(frozen=True, slots=True, eq=False)
class DataTypeImm(Expr):
    """A data type value (``R.dtype("float32")``)."""

    value: str


@dataclass(frozen=True, slots=True, eq=False)
class ExternFunc(Expr):
    """A function outside the module, called by name (``R.ExternFunc("my_func")``)."""

    global_symbol: str


@dataclass(frozen=True, slots=True, eq=False)
class Call(Expr):
    """A call: of an operator (`Op`), a module function (`GlobalVar`), a closure or extern.

    ``attrs`` are the operator's attributes in TVM's declaration order (printed as keyword
    arguments); ``sinfo_args`` the struct info an operator takes as an argument (the output of
    ``R.call_tir``, the result of ``R.call_pure_packed``).
    """

    op: Node
    args: tuple[Expr, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=dict)
    sinfo_args: tuple[StructInfo, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class If(Expr):
    """``if cond: ... else: ...`` as an expression; each branch is a `SeqExpr`."""

    cond: Expr
    true_branch: Expr
    false_branch: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Binding(Node):
    """Base of bindings: a variable defined by a value."""

    var: Var = field(metadata=SEQ_DEF)


@dataclass(frozen=True, slots=True, eq=False)
class VarBinding(Binding):
    """``var = value``."""

    value: Expr


@dataclass(frozen=True, slots=True, eq=False)
class MatchCast(Binding):
    """``var = R.match_cast(value, struct_info)``: checked at run time; defines symbolic dims."""

    value: Expr
    struct_info: StructInfo = field(metadata=SEQ_DEF)
    """The struct info the value is checked against (its symbolic dims are defined here)."""


@dataclass(frozen=True, slots=True, eq=False)
class BindingBlock(Node):
    """A sequence of bindings."""

    bindings: tuple[Binding, ...]


@dataclass(frozen=True, slots=True, eq=False)
class DataflowBlock(BindingBlock):
    """``with R.dataflow():``: pure bindings; only its outputs are visible after it."""


@dataclass(frozen=True, slots=True, eq=False)
class SeqExpr(Expr):
    """Binding blocks, then the value of ``body`` (a function body, an if branch)."""

    blocks: tuple[BindingBlock, ...]
    body: Expr


@dataclass(frozen=True, slots=True, eq=False)
class Function(Expr):
    """``@R.function``: parameters, a body, the declared result's struct info and attributes."""

    params: tuple[Var, ...] = field(metadata=SEQ_DEF)
    body: Expr
    ret_struct_info: StructInfo
    is_pure: bool = True
    """``@R.function(pure=False)``: the body may have side effects."""
    attrs: Mapping[str, Any] = field(default_factory=dict)
    """Function attributes (``R.func_attr``)."""
    private: bool = False
    """``@R.function(private=True)``: no ``global_symbol`` inside its module."""
