"""Element-wise unary operators (``R.exp``, ``R.sqrt``, ``R.isnan``, ...).

The result has the input's shape; its dtype is the input's, or bool for the predicates.
Operators defined on floats only reject integer tensors, as TVM does.
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import like, op_name, require_float, tensor_info
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo

_FLOAT_ONLY: Final = frozenset(
    [
        "acos",
        "acosh",
        "asin",
        "asinh",
        "atan",
        "atanh",
        "cos",
        "cosh",
        "erf",
        "exp",
        "log",
        "rsqrt",
        "sigmoid",
        "sin",
        "sinh",
        "sqrt",
        "tan",
        "tanh",
        "nn.gelu",
        "nn.gelu_tanh",
        "nn.silu",
        "nn.selu",
    ]
)
_PREDICATES: Final = frozenset(("isfinite", "isinf", "isnan"))
UNARY_OPS: Final = [
    "abs",
    "acos",
    "acosh",
    "asin",
    "asinh",
    "atan",
    "atanh",
    "bitwise_not",
    "ceil",
    "cos",
    "cosh",
    "erf",
    "exp",
    "floor",
    "isfinite",
    "isinf",
    "isnan",
    "log",
    "logical_not",
    "negative",
    "round",
    "rsqrt",
    "sigmoid",
    "sign",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
    "nn.relu",
    "nn.gelu",
    "nn.gelu_tanh",
    "nn.silu",
    "nn.selu",
]


def _infer_unary(call: Call) -> StructInfo:
    info = tensor_info(call, 0, "input")
    name = op_name(call).removeprefix("R.")
    if name in _FLOAT_ONLY:
        require_float(call, info)
    return like(info, "bool" if name in _PREDICATES else None)


for _name in UNARY_OPS:
    register_op(_name)(_infer_unary)


def abs(x: Expr) -> Call:
    """The absolute value of each element."""
    return make_call("abs", [x])


def acos(x: Expr) -> Call:
    """The arc cosine of each element."""
    return make_call("acos", [x])


def acosh(x: Expr) -> Call:
    """The inverse hyperbolic cosine of each element."""
    return make_call("acosh", [x])


def asin(x: Expr) -> Call:
    """The arc sine of each element."""
    return make_call("asin", [x])


def asinh(x: Expr) -> Call:
    """The inverse hyperbolic sine of each element."""
    return make_call("asinh", [x])


def atan(x: Expr) -> Call:
    """The arc tangent of each element."""
    return make_call("atan", [x])


def atanh(x: Expr) -> Call:
    """The inverse hyperbolic tangent of each element."""
    return make_call("atanh", [x])


def bitwise_not(x: Expr) -> Call:
    """The bitwise complement of each element."""
    return make_call("bitwise_not", [x])


def ceil(x: Expr) -> Call:
    """Each element rounded up."""
    return make_call("ceil", [x])


def cos(x: Expr) -> Call:
    """The cosine of each element."""
    return make_call("cos", [x])


def cosh(x: Expr) -> Call:
    """The hyperbolic cosine of each element."""
    return make_call("cosh", [x])


def erf(x: Expr) -> Call:
    """The Gauss error function of each element."""
    return make_call("erf", [x])


def exp(x: Expr) -> Call:
    """``e`` raised to each element."""
    return make_call("exp", [x])


def floor(x: Expr) -> Call:
    """Each element rounded down."""
    return make_call("floor", [x])


def isfinite(x: Expr) -> Call:
    """Whether each element is finite."""
    return make_call("isfinite", [x])


def isinf(x: Expr) -> Call:
    """Whether each element is infinite."""
    return make_call("isinf", [x])


def isnan(x: Expr) -> Call:
    """Whether each element is NaN."""
    return make_call("isnan", [x])


def log(x: Expr) -> Call:
    """The natural logarithm of each element."""
    return make_call("log", [x])


def logical_not(x: Expr) -> Call:
    """The logical negation of each element."""
    return make_call("logical_not", [x])


def negative(x: Expr) -> Call:
    """Each element negated."""
    return make_call("negative", [x])


def round(x: Expr) -> Call:
    """Each element rounded to the nearest integer."""
    return make_call("round", [x])


def rsqrt(x: Expr) -> Call:
    """The reciprocal square root of each element."""
    return make_call("rsqrt", [x])


def sigmoid(x: Expr) -> Call:
    """The logistic sigmoid of each element."""
    return make_call("sigmoid", [x])


def sign(x: Expr) -> Call:
    """The sign (-1, 0 or 1) of each element."""
    return make_call("sign", [x])


def sin(x: Expr) -> Call:
    """The sine of each element."""
    return make_call("sin", [x])


def sinh(x: Expr) -> Call:
    """The hyperbolic sine of each element."""
    return make_call("sinh", [x])


def sqrt(x: Expr) -> Call:
    """The square root of each element."""
    return make_call("sqrt", [x])


def square(x: Expr) -> Call:
    """Each element squared."""
    return make_call("square", [x])


def tan(x: Expr) -> Call:
    """The tangent of each element."""
    return make_call("tan", [x])


def tanh(x: Expr) -> Call:
    """The hyperbolic tangent of each element."""
    return make_call("tanh", [x])


def trunc(x: Expr) -> Call:
    """Each element rounded towards zero."""
    return make_call("trunc", [x])


__all__ = [
    "abs",
    "acos",
    "acosh",
    "asin",
    "asinh",
    "atan",
    "atanh",
    "bitwise_not",
    "ceil",
    "cos",
    "cosh",
    "erf",
    "exp",
    "floor",
    "isfinite",
    "isinf",
    "isnan",
    "log",
    "logical_not",
    "negative",
    "round",
    "rsqrt",
    "sigmoid",
    "sign",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
]
