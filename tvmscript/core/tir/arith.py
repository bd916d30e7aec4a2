"""Expression construction with TVM's dtype rules and constant folding.

Mirrors TVM's `tir/op/op.cc`: operands are converted (`as_expr`), their dtypes matched
(`match_types`), and the few folds TVM's `TryConstFold` does are applied — nothing more, so
that parsed text keeps its shape.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from tvmscript.core.ir.dtype import DataType, TypeMismatchError
from tvmscript.core.tir import expr as E

_INT32_MIN: Final = -(2**31)
_INT32_MAX: Final = 2**31 - 1


def const(value: int | float | bool, dtype: str | None = None) -> E.PrimExpr:
    """A constant of ``dtype`` (default: bool, int32/int64 by range, float32)."""
    if dtype is None:
        if isinstance(value, bool):
            dtype = "bool"
        elif isinstance(value, int):
            dtype = "int32" if _INT32_MIN <= value <= _INT32_MAX else "int64"
        else:
            dtype = "float32"
    return make_const(dtype, value)


_SCALAR_KIND: dict[str, str] = {}


def _scalar_kind(dtype: str) -> str:
    """``"f"`` float, ``"b"`` bool, ``"i"`` integer, ``"v"`` vector or other (cached)."""
    if (kind := _SCALAR_KIND.get(dtype)) is None:
        t = DataType.of(dtype)
        kind = "v" if t.lanes > 1 else "f" if t.is_float else "b" if t.is_bool else "i"
        _SCALAR_KIND[dtype] = kind
    return kind


def make_const(dtype: str, value: int | float | bool) -> E.PrimExpr:
    """A constant ``value`` of ``dtype``; vector dtypes give a `Broadcast`."""
    kind = _scalar_kind(dtype)
    if kind == "f":
        return E.FloatImm(dtype, float(value))
    if kind == "i" and type(value) is int:
        return E.IntImm(dtype, value)
    t = DataType.of(dtype)
    if t.lanes > 1:
        return E.Broadcast(make_const(t.element(), value), t.lanes)
    if t.is_float:
        return E.FloatImm(dtype, float(value))
    if t.is_bool:
        return E.IntImm(dtype, 1 if value else 0)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"cannot make an integer constant of '{dtype}' from {value}")
        value = int(value)
    return E.IntImm(dtype, int(value))


def as_expr(value: object) -> E.PrimExpr:
    """Convert a Python scalar to a constant; pass expressions through."""
    if isinstance(value, E.PrimExpr):
        return value
    if isinstance(value, (bool, int, float)):
        return const(value)
    from tvmscript.core.tir.buffer import Buffer  # a zero-dimensional buffer reads as its value

    if isinstance(value, Buffer) and not value.shape:
        return E.BufferLoad(value, ())
    if isinstance(value, Buffer) and value.layout == "scalar":  # `out` of shape (1,), TIRx
        return value.scalar_value()
    raise TypeError(f"expected a TIR expression, got {type(value).__name__!r}")


def _operands(a: object, b: object, adopt: bool = False) -> tuple[E.PrimExpr, E.PrimExpr]:
    """Convert both operands.

    A Python scalar is typed by TVM's literal rule (`_scalar_like`), or always takes the
    other side's dtype when ``adopt`` (bitwise operators).
    """
    like = _adopt_dtype if adopt else _scalar_like
    if isinstance(a, E.PrimExpr) and not isinstance(b, E.PrimExpr) and _is_scalar(b):
        return a, like(b, a)  # type: ignore[arg-type]
    if isinstance(b, E.PrimExpr) and not isinstance(a, E.PrimExpr) and _is_scalar(a):
        return like(a, b), b  # type: ignore[arg-type]
    return as_expr(a), as_expr(b)


def _is_scalar(v: object) -> bool:
    return isinstance(v, (bool, int, float))


def _scalar_like(value: int | float | bool, other: E.PrimExpr) -> E.PrimExpr:
    """A Python literal next to ``other`` (TVM 0.27, checked against it).

    A bool takes ``other``'s type. An int takes it when ``other`` is a float or an integer
    of 32 bits or more, else it is an int32 (int64 when out of range) and ``other`` is
    promoted. A float takes ``other``'s type only when that is float32 or float64, else it is
    a float32 (so float16 operands are promoted).
    """
    t = DataType.of(other.dtype)
    if t.is_handle or t.is_void:
        return const(value)
    if isinstance(value, bool):
        return make_const(t.element(), value)
    if isinstance(value, int):
        if t.is_float or (t.is_integer and t.bits >= 32 and _fits(value, t)):
            return make_const(t.element(), value)
        return const(value)
    if t.is_float and t.code == "float" and t.bits >= 32:
        return make_const(t.element(), value)
    return const(value)


def _adopt_dtype(value: int | float | bool, other: E.PrimExpr) -> E.PrimExpr:
    t = DataType.of(other.dtype)
    if t.is_handle or t.is_void:
        return const(value)
    return make_const(t.element(), value)


def _fits(value: int, t: DataType) -> bool:
    bits: int = t.bits
    low, high = (0, 1 << bits) if t.is_uint else (-(1 << (bits - 1)), 1 << (bits - 1))
    return low <= value < high


def match_types(a: E.PrimExpr, b: E.PrimExpr) -> tuple[E.PrimExpr, E.PrimExpr]:
    """TVM's BinaryOpMatchTypes: broadcast scalars to vectors, then widen."""
    if a.dtype == b.dtype:
        return a, b
    ta, tb = DataType.of(a.dtype), DataType.of(b.dtype)
    if ta.lanes == 1 and tb.lanes > 1:
        a, ta = E.Broadcast(a, tb.lanes), DataType(ta.code, ta.bits, tb.lanes)
    elif tb.lanes == 1 and ta.lanes > 1:
        b, tb = E.Broadcast(b, ta.lanes), DataType(tb.code, tb.bits, ta.lanes)
    if ta == tb:
        return a, b
    if ta.lanes != tb.lanes:
        raise TypeMismatchError(f"cannot match vector types '{a.dtype}' and '{b.dtype}'")
    target = _common_type(ta, tb)
    if target is None:
        raise TypeMismatchError(f"cannot match types '{a.dtype}' and '{b.dtype}'")
    return cast(target, a), cast(target, b)


def _common_type(ta: DataType, tb: DataType) -> str | None:
    if ta.is_handle or tb.is_handle or ta.is_void or tb.is_void:
        return None
    if ta.code == tb.code and (ta.is_integer or ta.is_float):
        return str(ta if ta.bits >= tb.bits else tb)
    if ta.is_integer and tb.is_integer:  # mixed signedness
        if ta.bits != tb.bits:
            return str(ta if ta.bits > tb.bits else tb)
        return str(ta if ta.is_uint else tb)
    if ta.is_float and not tb.is_float:
        return str(ta)
    if tb.is_float and not ta.is_float:
        return str(tb)
    if ta.is_float and tb.is_float:
        return str(ta if ta.bits >= tb.bits else tb)
    if ta.is_bool and tb.is_integer:
        return str(tb)
    if tb.is_bool and ta.is_integer:
        return str(ta)
    return None


def cast(dtype: str, value: object) -> E.PrimExpr:
    """TVM's `cast`: identity when equal, folds constants, broadcasts to vectors."""
    v = as_expr(value)
    if v.dtype == dtype:
        return v
    t = DataType.of(dtype)
    if isinstance(v, E.IntImm | E.FloatImm) and DataType.of(v.dtype).lanes == 1:
        return make_const(dtype, v.value)
    if t.lanes > 1 and DataType.of(v.dtype).lanes == 1:
        return E.Broadcast(cast(t.element(), v), t.lanes)
    return E.Cast(dtype, v)


# ---------------------------------------------------------------------------------------------
# Folding helpers (TVM's TryConstFold)


def _ints(a: E.PrimExpr, b: E.PrimExpr) -> tuple[int | None, int | None]:
    ia = a.value if isinstance(a, E.IntImm) else None
    ib = b.value if isinstance(b, E.IntImm) else None
    return ia, ib


def _floats(a: E.PrimExpr, b: E.PrimExpr) -> tuple[float | None, float | None]:
    fa = a.value if isinstance(a, E.FloatImm) else None
    fb = b.value if isinstance(b, E.FloatImm) else None
    return fa, fb


def _wrap(dtype: str, value: int) -> E.PrimExpr:
    return make_const(dtype, value)


def add(a: object, b: object) -> E.PrimExpr:
    """``a + b``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia + ib)
    if ia == 0:
        return y
    if ib == 0:
        return x
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.FloatImm(x.dtype, fa + fb)
    if fa == 0.0:
        return y
    if fb == 0.0:
        return x
    return E.Add(x, y)


def sub(a: object, b: object) -> E.PrimExpr:
    """``a - b``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia - ib)
    if ib == 0:
        return x
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.FloatImm(x.dtype, fa - fb)
    if fb == 0.0:
        return x
    return E.Sub(x, y)


def mul(a: object, b: object) -> E.PrimExpr:
    """``a * b``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia * ib)
    if ia is not None:
        return y if ia == 1 else x if ia == 0 else E.Mul(x, y)
    if ib is not None:
        return x if ib == 1 else y if ib == 0 else E.Mul(x, y)
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.FloatImm(x.dtype, fa * fb)
    if fa is not None:
        return y if fa == 1.0 else x if fa == 0.0 else E.Mul(x, y)
    if fb is not None:
        return x if fb == 1.0 else y if fb == 0.0 else E.Mul(x, y)
    return E.Mul(x, y)


def _check_nonzero(ib: int | None) -> None:
    if ib == 0:
        raise ZeroDivisionError("division by zero in a TIR expression")


def div(a: object, b: object) -> E.PrimExpr:
    """``a / b`` (TVM's `div`: truncating for integers)."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    _check_nonzero(ib)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, _truncdiv(ia, ib))
    if ia == 0 or ib == 1:
        return x
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None and fb != 0.0:
        return E.FloatImm(x.dtype, fa / fb)
    if fb == 1.0:
        return x
    return E.Div(x, y)


def true_divide(a: object, b: object) -> E.PrimExpr:
    """``a / b`` as Python's operator: refused on two signed integers, as TVM does."""
    x, y = _operands(a, b)
    if DataType.of(x.dtype).is_int and DataType.of(y.dtype).is_int:
        raise TypeError(
            "TVM supports multiple types of integer divisions, please call div, "
            "indexdiv/indexmod, floordiv/floormod or truncdiv/truncmod directly to avoid "
            "ambiguity in the code"
        )
    return div(x, y)


def truncdiv(a: object, b: object) -> E.PrimExpr:
    """Truncating integer division (TVM's `truncdiv`)."""
    x, y = _operands(a, b)
    _require_int("truncdiv", x, y)
    return div(x, y)


def truncmod(a: object, b: object) -> E.PrimExpr:
    """Truncating remainder (TVM's `truncmod`)."""
    x, y = match_types(*_operands(a, b))
    _require_int("truncmod", x, y)
    ia, ib = _ints(x, y)
    _check_nonzero(ib)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia - _truncdiv(ia, ib) * ib)
    if ia == 0:
        return x
    if ib == 1:
        return make_const(x.dtype, 0)
    return E.Mod(x, y)


def floordiv(a: object, b: object) -> E.PrimExpr:
    """``a // b``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    _check_nonzero(ib)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia // ib)
    if ia == 0 or ib == 1:
        return x
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None and fb != 0.0:
        return E.FloatImm(x.dtype, math.floor(fa / fb))
    if fb == 1.0:
        return x
    return E.FloorDiv(x, y)


def floormod(a: object, b: object) -> E.PrimExpr:
    """``a % b``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    _check_nonzero(ib)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, ia % ib)
    if ia == 0:
        return x
    if ib == 1:
        return make_const(x.dtype, 0)
    return E.FloorMod(x, y)


def min_(a: object, b: object) -> E.PrimExpr:
    """``min(a, b)``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, min(ia, ib))
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.FloatImm(x.dtype, min(fa, fb))
    return E.Min(x, y)


def max_(a: object, b: object) -> E.PrimExpr:
    """``max(a, b)``."""
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return _wrap(x.dtype, max(ia, ib))
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.FloatImm(x.dtype, max(fa, fb))
    return E.Max(x, y)


def _compare(
    a: object, b: object, node: type[E.CmpOp], fold: Callable[[float, float], bool]
) -> E.PrimExpr:
    x, y = match_types(*_operands(a, b))
    ia, ib = _ints(x, y)
    if ia is not None and ib is not None:
        return E.IntImm("bool", int(fold(ia, ib)))
    fa, fb = _floats(x, y)
    if fa is not None and fb is not None:
        return E.IntImm("bool", int(fold(fa, fb)))
    return node(x, y)


def less(a: object, b: object) -> E.PrimExpr:
    """``a < b``."""
    return _compare(a, b, E.LT, lambda p, q: p < q)


def less_equal(a: object, b: object) -> E.PrimExpr:
    """``a <= b``."""
    return _compare(a, b, E.LE, lambda p, q: p <= q)


def greater(a: object, b: object) -> E.PrimExpr:
    """``a > b``."""
    return _compare(a, b, E.GT, lambda p, q: p > q)


def greater_equal(a: object, b: object) -> E.PrimExpr:
    """``a >= b``."""
    return _compare(a, b, E.GE, lambda p, q: p >= q)


def equal(a: object, b: object) -> E.PrimExpr:
    """``a == b``."""
    return _compare(a, b, E.EQ, lambda p, q: p == q)


def not_equal(a: object, b: object) -> E.PrimExpr:
    """``a != b``."""
    return _compare(a, b, E.NE, lambda p, q: p != q)


def logical_and(a: object, b: object) -> E.PrimExpr:
    """``a and b`` on booleans."""
    x, y = _bools(a, b)
    ia, ib = _ints(x, y)
    if ia is not None:
        return y if ia else x
    if ib is not None:
        return x if ib else y
    return E.And(x, y)


def logical_or(a: object, b: object) -> E.PrimExpr:
    """``a or b`` on booleans."""
    x, y = _bools(a, b)
    ia, ib = _ints(x, y)
    if ia is not None:
        return x if ia else y
    if ib is not None:
        return y if ib else x
    return E.Or(x, y)


def logical_not(a: object) -> E.PrimExpr:
    """``not a`` on a boolean."""
    x = _to_bool(as_expr(a))
    if isinstance(x, E.IntImm):
        return E.IntImm(x.dtype, int(not x.value))
    return E.Not(x)


def _to_bool(x: E.PrimExpr) -> E.PrimExpr:
    if DataType.of(x.dtype).is_bool:
        return x
    return not_equal(x, make_const(x.dtype, 0))


def _bools(a: object, b: object) -> tuple[E.PrimExpr, E.PrimExpr]:
    return _to_bool(as_expr(a)), _to_bool(as_expr(b))


def neg(a: object) -> E.PrimExpr:
    """``-a`` (TVM folds constants, else builds ``a * -1`` for ints and ``0 - a``)."""
    x = as_expr(a)
    if isinstance(x, E.IntImm):
        return _wrap(x.dtype, -x.value)
    if isinstance(x, E.FloatImm):
        return E.FloatImm(x.dtype, -x.value)
    return E.Mul(x, make_const(x.dtype, -1))


def power(a: object, b: object) -> E.PrimExpr:
    """``a ** b`` (TVM's `pow` intrinsic on floats)."""
    from tvmscript.core.tir.op import call_intrin

    x, y = match_types(*_operands(a, b))
    return call_intrin(x.dtype, "tir.pow", x, y)


def _require_int(name: str, *args: E.PrimExpr) -> None:
    for arg in args:
        t = DataType.of(arg.dtype)
        if not (t.is_integer or t.is_bool):
            raise TypeError(f"{name} expects integer operands, got '{arg.dtype}'")


def _bit_call(name: str, a: object, b: object) -> E.PrimExpr:
    from tvmscript.core.tir.op import call_intrin

    x, y = match_types(*_operands(a, b, adopt=True))
    _require_int(name, x, y)
    return call_intrin(x.dtype, f"tir.{name}", x, y)


def bitwise_and(a: object, b: object) -> E.PrimExpr:
    """``a & b`` (logical on booleans, as TVMScript reads it)."""
    x, y = _operands(a, b, adopt=True)
    if DataType.of(x.dtype).is_bool and DataType.of(y.dtype).is_bool:
        return logical_and(x, y)
    return _bit_call("bitwise_and", x, y)


def bitwise_or(a: object, b: object) -> E.PrimExpr:
    """``a | b`` (logical on booleans, as TVMScript reads it)."""
    x, y = _operands(a, b, adopt=True)
    if DataType.of(x.dtype).is_bool and DataType.of(y.dtype).is_bool:
        return logical_or(x, y)
    return _bit_call("bitwise_or", x, y)


def bitwise_xor(a: object, b: object) -> E.PrimExpr:
    """``a ^ b``."""
    return _bit_call("bitwise_xor", a, b)


def shift_left(a: object, b: object) -> E.PrimExpr:
    """``a << b``."""
    return _bit_call("shift_left", a, b)


def shift_right(a: object, b: object) -> E.PrimExpr:
    """``a >> b``."""
    return _bit_call("shift_right", a, b)


def bitwise_not(a: object) -> E.PrimExpr:
    """``~a`` (logical not on booleans)."""
    from tvmscript.core.tir.op import call_intrin

    x = as_expr(a)
    if DataType.of(x.dtype).is_bool:
        return logical_not(x)
    _require_int("bitwise_not", x)
    return call_intrin(x.dtype, "tir.bitwise_not", x)


def _truncdiv(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


# ---------------------------------------------------------------------------------------------
# TVMScript's own operators: comparisons and logic build nodes directly (no folding, no type
# promotion), converting a Python literal to the other operand's element type.


def script_literal(value: object, other: E.PrimExpr) -> E.PrimExpr:
    """A Python literal as TVMScript types it next to ``other`` (TVM's `_auto_broadcast`)."""
    if isinstance(value, E.PrimExpr):
        return value
    t = DataType.of(other.dtype)
    elem = t.element()
    if isinstance(value, bool):
        return E.IntImm("bool", int(value))
    if isinstance(value, int):
        if t.is_integer or t.is_bool:
            return E.IntImm(elem, value)
        if t.is_float:
            return E.FloatImm(elem, float(value))
        return E.IntImm("int32", value)
    if isinstance(value, float):
        return E.FloatImm(elem if t.is_float else "float32", value)
    return as_expr(value)


def script_binary(node: type[E.CmpOp], a: object, b: object) -> E.PrimExpr:
    """``node(a, b)`` as TVMScript builds comparisons, ``and`` and ``or``."""
    if isinstance(a, bool):
        a = E.IntImm("bool", int(a))
    if isinstance(b, bool):
        b = E.IntImm("bool", int(b))
    if not isinstance(a, E.PrimExpr):
        if not isinstance(b, E.PrimExpr):
            raise TypeError("expected a TIR expression operand")
        a = script_literal(a, b)
    if not isinstance(b, E.PrimExpr):
        b = script_literal(b, a)
    la, lb = DataType.of(a.dtype).lanes, DataType.of(b.dtype).lanes
    if la != lb:
        if la == 1:
            a = E.Broadcast(a, lb)
        elif lb == 1:
            b = E.Broadcast(b, la)
        else:
            raise TypeMismatchError(f"cannot match vector types '{a.dtype}' and '{b.dtype}'")
    result: E.PrimExpr = node(a, b)
    return result
