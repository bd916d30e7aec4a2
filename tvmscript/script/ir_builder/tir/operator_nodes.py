"""``T.BitwiseAnd``, ``T.LShift``, ``T.Reduce``, ...: TVM 0.27's operator node classes.

Bitwise and shift operations are intrinsic calls in this IR (``T.bitwise_and``), printed as
Python operators (``a & b``); these constructors build the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import CommReducer, PrimExpr
from tvmscript.core.tir.expr import Reduce as _Reduce

Operand = PrimExpr | int | float | bool


def BitwiseAnd(a: Operand, b: Operand) -> PrimExpr:
    """``a & b``."""
    return arith.bitwise_and(a, b)


def BitwiseOr(a: Operand, b: Operand) -> PrimExpr:
    """``a | b``."""
    return arith.bitwise_or(a, b)


def BitwiseXor(a: Operand, b: Operand) -> PrimExpr:
    """``a ^ b``."""
    return arith.bitwise_xor(a, b)


def BitwiseNot(a: Operand) -> PrimExpr:
    """``~a``."""
    return arith.bitwise_not(a)


def LShift(a: Operand, b: Operand) -> PrimExpr:
    """``a << b``."""
    return arith.shift_left(a, b)


def RShift(a: Operand, b: Operand) -> PrimExpr:
    """``a >> b``."""
    return arith.shift_right(a, b)


def Reduce(
    combiner: CommReducer,
    src: Sequence[PrimExpr],
    rdom: Sequence[Any],
    condition: PrimExpr | bool,
    value_index: int,
    init: Sequence[PrimExpr] | None = None,
) -> PrimExpr:
    """A reduction with ``combiner`` of ``src`` over the iteration domain ``rdom``."""
    return _Reduce(
        combiner,
        tuple(arith.as_expr(s) for s in src),
        tuple(rdom),
        arith.as_expr(condition),
        int(value_index),
        tuple(arith.as_expr(i) for i in init or ()),
    )


__all__ = ["BitwiseAnd", "BitwiseNot", "BitwiseOr", "BitwiseXor", "LShift", "RShift", "Reduce"]
