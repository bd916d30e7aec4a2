"""Element-wise operators: unary maps, binary operators with broadcasting, ``clip``, ``relu``.

The expressions are those TVM 0.27's legalized PrimFuncs hold (after its simplifier):
``greater`` is ``y < x``, ``negative`` is ``x * -1``, ``abs`` of an integer is a select, and
rounding an integer is the identity.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.op import call_intrin
from tvmscript.transform import topi
from tvmscript.transform.registry import OpCall, legalizes

Unary = Callable[[E.PrimExpr], E.PrimExpr]
Binary = Callable[[E.PrimExpr, E.PrimExpr], E.PrimExpr]


def intrin(name: str) -> Unary:
    """``T.<name>(x)``, of ``x``'s dtype."""
    return lambda x: call_intrin(x.dtype, f"tir.{name}", x)


def _is_float(dtype: str) -> bool:
    return DataType.of(dtype).is_float


def _const(dtype: str, value: float) -> E.PrimExpr:
    return arith.make_const(dtype, value)


def _i64(value: int) -> E.IntImm:
    return E.IntImm("int64", value)


def _abs(x: E.PrimExpr) -> E.PrimExpr:
    if _is_float(x.dtype):
        return call_intrin(x.dtype, "tir.fabs", x)
    if DataType.of(x.dtype).is_uint:
        return x
    zero = _const(x.dtype, 0)
    return E.Select(E.LE(_i64(0), arith.cast("int64", x)), x, E.Sub(zero, x))


def _negative(x: E.PrimExpr) -> E.PrimExpr:
    return E.Mul(x, _const(x.dtype, -1))


def _sign(x: E.PrimExpr) -> E.PrimExpr:
    one, minus, zero = (_const(x.dtype, v) for v in (1, -1, 0))
    if _is_float(x.dtype):
        return E.Select(E.LT(zero, x), one, E.Select(E.LT(x, zero), minus, zero))
    wide = arith.cast("int64", x)
    return E.Select(E.LT(_i64(0), wide), one, E.Select(E.LT(wide, _i64(0)), minus, zero))


def _rounding(name: str) -> Unary:
    def f(x: E.PrimExpr) -> E.PrimExpr:
        return call_intrin(x.dtype, f"tir.{name}", x) if _is_float(x.dtype) else x

    return f


def _isnan(x: E.PrimExpr) -> E.PrimExpr:
    return call_intrin("bool", "tir.isnan", x)


def _inf(dtype: str) -> E.FloatImm:
    return E.FloatImm(dtype, math.inf)


def _isinf(x: E.PrimExpr) -> E.PrimExpr:
    if not _is_float(x.dtype):
        return E.IntImm("bool", 0)
    return E.And(E.EQ(call_intrin(x.dtype, "tir.fabs", x), _inf(x.dtype)), E.Not(_isnan(x)))


def _isfinite(x: E.PrimExpr) -> E.PrimExpr:
    if not _is_float(x.dtype):
        return E.IntImm("bool", 1)
    finite = E.Or(E.NE(call_intrin(x.dtype, "tir.fabs", x), _inf(x.dtype)), _isnan(x))
    return E.And(finite, E.Not(_isnan(x)))


def _isnan_any(x: E.PrimExpr) -> E.PrimExpr:
    return _isnan(x) if _is_float(x.dtype) else E.IntImm("bool", 0)


# op -> (PrimFunc name, compute name, axis prefix, body)
_UNARY: Final[dict[str, tuple[str, str, str, Unary]]] = {
    "abs": ("tir_abs", "compute", "i", _abs),
    "negative": ("tir_negative", "compute", "i", _negative),
    "sign": ("tir_sign", "T_sign", "ax", _sign),
    "square": ("tir_square", "T_multiply", "ax", lambda x: E.Mul(x, x)),
    "ceil": ("tir_ceil", "compute", "i", _rounding("ceil")),
    "floor": ("tir_floor", "compute", "i", _rounding("floor")),
    "round": ("tir_round", "compute", "i", _rounding("nearbyint")),
    "trunc": ("tir_trunc", "compute", "i", _rounding("trunc")),
    "isnan": ("tir_isnan", "compute", "i", _isnan_any),
    "isinf": ("tir_isinf", "compute", "i", _isinf),
    "isfinite": ("tir_isfinite", "compute", "i", _isfinite),
    "erf": ("erf", "compute", "i", intrin("erf")),
    "bitwise_not": ("tir_bitwise_not", "T_bitwise_not", "ax", lambda x: arith.bitwise_not(x)),
    "logical_not": ("tir_logical_not", "T_logical_not", "ax", lambda x: E.Not(x)),
    "nn.relu": ("relu", "compute", "i", lambda x: E.Max(x, _const(x.dtype, 0))),
}
for _name in (
    "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "rsqrt",
    "sigmoid", "sin", "sinh", "sqrt", "tan", "tanh",
):  # fmt: skip
    _UNARY[_name] = (f"tir_{_name}", "compute", "i", intrin(_name))


@legalizes(*_UNARY)
def _legalize_unary(c: OpCall) -> rx.Expr:
    func_name, compute_name, names, body = _UNARY[c.name]
    x = c.tensor(0)
    return c.emit(func_name, topi.elemwise(x, body, compute_name, names))


def _floor_divide(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    if _is_float(a.dtype):
        return call_intrin(a.dtype, "tir.floor", E.Div(a, b))
    return E.FloorDiv(a, b)


def _floor_mod(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    if _is_float(a.dtype):
        return E.Sub(a, E.Mul(call_intrin(a.dtype, "tir.floor", E.Div(a, b)), b))
    return E.FloorMod(a, b)


def _log_add_exp(a: E.PrimExpr, b: E.PrimExpr) -> E.PrimExpr:
    exp = intrin("exp")
    return call_intrin(a.dtype, "tir.log", E.Add(exp(a), exp(b)))


def _bitwise(name: str) -> Binary:
    return lambda a, b: call_intrin(a.dtype, f"tir.{name}", a, b)


_BINARY: Final[dict[str, Binary]] = {
    "add": lambda a, b: arith.add(a, b),
    "subtract": lambda a, b: arith.sub(a, b),
    "multiply": lambda a, b: arith.mul(a, b),
    "divide": lambda a, b: E.Div(a, b),
    "floor_divide": _floor_divide,
    "floor_mod": _floor_mod,
    "mod": lambda a, b: E.Mod(a, b),
    "power": lambda a, b: call_intrin(a.dtype, "tir.pow", a, b),
    "maximum": lambda a, b: E.Max(a, b),
    "minimum": lambda a, b: E.Min(a, b),
    "atan2": lambda a, b: call_intrin(a.dtype, "tir.atan2", a, b),
    "log_add_exp": _log_add_exp,
    "equal": lambda a, b: E.EQ(a, b),
    "not_equal": lambda a, b: E.NE(a, b),
    "less": lambda a, b: E.LT(a, b),
    "less_equal": lambda a, b: E.LE(a, b),
    "greater": lambda a, b: E.LT(b, a),
    "greater_equal": lambda a, b: E.LE(b, a),
    "logical_and": lambda a, b: E.And(a, b),
    "logical_or": lambda a, b: E.Or(a, b),
    "logical_xor": _bitwise("bitwise_xor"),
    "bitwise_and": _bitwise("bitwise_and"),
    "bitwise_or": _bitwise("bitwise_or"),
    "bitwise_xor": _bitwise("bitwise_xor"),
    "left_shift": _bitwise("shift_left"),
    "right_shift": _bitwise("shift_right"),
}


@legalizes(*_BINARY)
def _legalize_binary(c: OpCall) -> rx.Expr:
    a, b = c.operand(0), c.operand(1)
    return c.emit(c.name, topi.broadcast(a, b, _BINARY[c.name], f"T_{c.name}"))


@legalizes("clip")
def _legalize_clip(c: OpCall) -> rx.Expr:
    x = c.tensor(0)
    lo, hi = (arith.cast(x.dtype, c.prim(i)) for i in (1, 2))
    return c.emit("tir_clip", topi.elemwise(x, lambda v: E.Max(E.Min(v, hi), lo)))
