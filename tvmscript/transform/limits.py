"""The least and greatest values of a dtype (TVM's ``min_value``/``max_value``)."""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E

_FLOAT_MAX: Final = {
    16: 65504.0,
    32: 3.4028234663852886e38,
    64: 1.7976931348623157e308,
}
_BFLOAT16_MAX: Final = 3.3895313892515355e38


def _float_max(t: DataType) -> float:
    if t.code == "bfloat":
        return _BFLOAT16_MAX
    if (value := _FLOAT_MAX.get(t.bits)) is None:
        raise ValueError(f"no largest value known for '{t}'")
    return value


def min_value(dtype: str) -> E.PrimExpr:
    """The least finite value of ``dtype`` (``-FLT_MAX`` for float32; 0 for unsigned)."""
    t = DataType.of(dtype)
    if t.is_float:
        return arith.make_const(dtype, -_float_max(t))
    if t.is_bool or t.is_uint:
        return arith.make_const(dtype, 0)
    return arith.make_const(dtype, -(1 << (t.bits - 1)))


def max_value(dtype: str) -> E.PrimExpr:
    """The greatest finite value of ``dtype``."""
    t = DataType.of(dtype)
    if t.is_float:
        return arith.make_const(dtype, _float_max(t))
    if t.is_bool:
        return arith.make_const(dtype, 1)
    if t.is_uint:
        return arith.make_const(dtype, (1 << t.bits) - 1)
    return arith.make_const(dtype, (1 << (t.bits - 1)) - 1)
