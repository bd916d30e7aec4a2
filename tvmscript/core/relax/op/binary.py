"""Element-wise binary operators with NumPy broadcasting (``R.add``, ``R.less``, ...).

Both operands must have the same dtype (comparisons excepted, which give bool); shapes
broadcast from the right. A pair of symbolic dimensions that cannot be proven equal leaves
the result's shape unknown (only its rank is kept), as in TVM.
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import (
    ExprLike,
    broadcast_shapes,
    common_vdevice,
    fail,
    op_name,
    tensor,
    tensor_or_prim,
    to_tensor,
)
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TensorStructInfo

_COMPARISONS: Final = frozenset(
    ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
)
BINARY_OPS: Final = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "floor_mod",
    "mod",
    "power",
    "maximum",
    "minimum",
    "atan2",
    "log_add_exp",
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "left_shift",
    "right_shift",
]


def broadcast_infer(
    call: Call, a: TensorStructInfo, b: TensorStructInfo, out_dtype: str | None
) -> TensorStructInfo:
    """The struct info of an element-wise operation on ``a`` and ``b`` giving ``out_dtype``.

    ``out_dtype`` None means the operands' common dtype (an error when they differ).
    """
    if out_dtype is None:
        if a.dtype != "void" and b.dtype != "void" and a.dtype != b.dtype:
            raise fail(
                f"{op_name(call)} expects operands of the same dtype, got "
                f"{sinfo_text(a)} and {sinfo_text(b)}",
                "dtype-mismatch",
            )
        out_dtype = "void" if "void" in (a.dtype, b.dtype) else a.dtype
    vdevice = common_vdevice(a, b)
    if a.is_unknown_ndim or b.is_unknown_ndim:
        return tensor(None, out_dtype, -1, vdevice)
    ndim = max(a.ndim, b.ndim)
    sa, sb = a.shape_values, b.shape_values
    if sa is None or sb is None:
        return tensor(None, out_dtype, ndim, vdevice)
    shape = broadcast_shapes(call, a, b, sa, sb)
    return tensor(shape, out_dtype, ndim, vdevice)


def _infer_binary(call: Call) -> StructInfo:
    a, b = tensor_or_prim(call, 0), tensor_or_prim(call, 1)
    compare = op_name(call).removeprefix("R.") in _COMPARISONS
    return broadcast_infer(call, a, b, "bool" if compare else None)


for _name in BINARY_OPS:
    register_op(_name)(_infer_binary)


def _binary(name: str, x1: ExprLike, x2: ExprLike) -> Call:
    return make_call(name, [to_tensor(x1), to_tensor(x2)])


def add(x1: Expr, x2: Expr) -> Call:
    """``x1 + x2`` element-wise, broadcasting."""
    return _binary("add", x1, x2)


def subtract(x1: Expr, x2: Expr) -> Call:
    """``x1 - x2`` element-wise, broadcasting."""
    return _binary("subtract", x1, x2)


def multiply(x1: Expr, x2: Expr) -> Call:
    """``x1 * x2`` element-wise, broadcasting."""
    return _binary("multiply", x1, x2)


def divide(x1: Expr, x2: Expr) -> Call:
    """``x1 / x2`` element-wise, broadcasting."""
    return _binary("divide", x1, x2)


def floor_divide(x1: Expr, x2: Expr) -> Call:
    """``x1 // x2`` element-wise, broadcasting."""
    return _binary("floor_divide", x1, x2)


def floor_mod(x1: Expr, x2: Expr) -> Call:
    """``x1 % x2`` element-wise (sign of the divisor), broadcasting."""
    return _binary("floor_mod", x1, x2)


def mod(x1: Expr, x2: Expr) -> Call:
    """The truncated remainder of ``x1 / x2`` element-wise, broadcasting."""
    return _binary("mod", x1, x2)


def power(x1: Expr, x2: Expr) -> Call:
    """``x1 ** x2`` element-wise, broadcasting."""
    return _binary("power", x1, x2)


def maximum(x1: Expr, x2: Expr) -> Call:
    """The larger of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("maximum", x1, x2)


def minimum(x1: Expr, x2: Expr) -> Call:
    """The smaller of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("minimum", x1, x2)


def atan2(x1: Expr, x2: Expr) -> Call:
    """The arc tangent of ``x1 / x2`` element-wise, broadcasting."""
    return _binary("atan2", x1, x2)


def log_add_exp(x1: Expr, x2: Expr) -> Call:
    """``log(exp(x1) + exp(x2))`` element-wise, broadcasting."""
    return _binary("log_add_exp", x1, x2)


def equal(x1: Expr, x2: Expr) -> Call:
    """``x1 == x2`` element-wise (bool), broadcasting."""
    return _binary("equal", x1, x2)


def not_equal(x1: Expr, x2: Expr) -> Call:
    """``x1 != x2`` element-wise (bool), broadcasting."""
    return _binary("not_equal", x1, x2)


def less(x1: Expr, x2: Expr) -> Call:
    """``x1 < x2`` element-wise (bool), broadcasting."""
    return _binary("less", x1, x2)


def less_equal(x1: Expr, x2: Expr) -> Call:
    """``x1 <= x2`` element-wise (bool), broadcasting."""
    return _binary("less_equal", x1, x2)


def greater(x1: Expr, x2: Expr) -> Call:
    """``x1 > x2`` element-wise (bool), broadcasting."""
    return _binary("greater", x1, x2)


def greater_equal(x1: Expr, x2: Expr) -> Call:
    """``x1 >= x2`` element-wise (bool), broadcasting."""
    return _binary("greater_equal", x1, x2)


def logical_and(x1: Expr, x2: Expr) -> Call:
    """The logical and of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("logical_and", x1, x2)


def logical_or(x1: Expr, x2: Expr) -> Call:
    """The logical or of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("logical_or", x1, x2)


def logical_xor(x1: Expr, x2: Expr) -> Call:
    """The logical exclusive or of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("logical_xor", x1, x2)


def bitwise_and(x1: Expr, x2: Expr) -> Call:
    """The bitwise and of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("bitwise_and", x1, x2)


def bitwise_or(x1: Expr, x2: Expr) -> Call:
    """The bitwise or of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("bitwise_or", x1, x2)


def bitwise_xor(x1: Expr, x2: Expr) -> Call:
    """The bitwise exclusive or of ``x1`` and ``x2`` element-wise, broadcasting."""
    return _binary("bitwise_xor", x1, x2)


def left_shift(x1: Expr, x2: Expr) -> Call:
    """``x1 << x2`` element-wise, broadcasting."""
    return _binary("left_shift", x1, x2)


def right_shift(x1: Expr, x2: Expr) -> Call:
    """``x1 >> x2`` element-wise, broadcasting."""
    return _binary("right_shift", x1, x2)


__all__ = [
    "add",
    "atan2",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "divide",
    "equal",
    "floor_divide",
    "floor_mod",
    "greater",
    "greater_equal",
    "left_shift",
    "less",
    "less_equal",
    "log_add_exp",
    "logical_and",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "mod",
    "multiply",
    "not_equal",
    "power",
    "right_shift",
    "subtract",
]
