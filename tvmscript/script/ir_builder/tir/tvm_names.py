"""``tvm.tirx`` (and the older ``tvm.tir``) as TVMScript bodies use it, without TVM.

``import tvm`` (or ``from tvm import tirx``) binds this module where a file names
``tvm.tirx``: ``tvm.tirx.const(1, "int32")``, ``tvm.tirx.Var("n", "int32")``,
``tvm.tirx.max(a, b)``, ``tvm.tirx.Ramp(...)``, ... build the same IR as the ``T`` spellings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as _E
from tvmscript.core.tir.buffer import Buffer as _Buffer
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.script.ir_builder.tir import layout as layout
from tvmscript.script.ir_builder.tir.buffers import make_buffer
from tvmscript.script.ir_builder.tir.intrin import (
    abs,
    call_extern,
    call_intrin,
    ceil,
    exp,
    floor,
    floordiv,
    floormod,
    if_then_else,
    log,
    max_value,
    min_value,
    sqrt,
    truncdiv,
    truncmod,
    vscale,
)
from tvmscript.script.ir_builder.tir.intrin import max as max
from tvmscript.script.ir_builder.tir.intrin import min as min
from tvmscript.script.ir_builder.tir.tile import is_buffer_var

Ramp = _E.Ramp
Broadcast = _E.Broadcast
Select = _E.Select
Shuffle = _E.Shuffle
Cast = _E.Cast
IntImm = _E.IntImm
FloatImm = _E.FloatImm
StringImm = _E.StringImm
Add, Sub, Mul, Div, Mod = _E.Add, _E.Sub, _E.Mul, _E.Div, _E.Mod
FloorDiv, FloorMod, Min, Max = _E.FloorDiv, _E.FloorMod, _E.Min, _E.Max
EQ, NE, LT, LE, GT, GE = _E.EQ, _E.NE, _E.LT, _E.LE, _E.GT, _E.GE
And, Or, Not = _E.And, _E.Or, _E.Not
BufferLoad = _E.BufferLoad
IterVar = _E.IterVar


def const(value: bool | int | float, dtype: str | None = None) -> PrimExpr:
    """A constant of ``dtype`` (by default the dtype of a Python literal: int32, float32)."""
    if dtype is None:
        return arith.as_expr(value)
    return arith.make_const(dtype, value)


def Var(name: str = "v", dtype: Any = "int32") -> _E.Var:
    """A variable (``tvm.tirx.Var("n", "int32")``)."""
    if isinstance(dtype, _E.PrimType):
        return _E.Var(name, dtype.dtype)
    if isinstance(dtype, _E.PointerType):
        return _E.Var(name, "handle", dtype)
    return _E.Var(name, str(dtype))


def SizeVar(name: str = "v", dtype: str = "int32") -> _E.SizeVar:
    """A non-negative variable (a size)."""
    return _E.SizeVar(name, dtype)


def all(*args: Any) -> PrimExpr:
    """Every condition holds (``And`` of them all)."""
    out: Any = args[0]
    for a in args[1:]:
        out = arith.logical_and(out, a)
    return arith.as_expr(out)


def any(*args: Any) -> PrimExpr:
    """Some condition holds (``Or`` of them all)."""
    out: Any = args[0]
    for a in args[1:]:
        out = arith.logical_or(out, a)
    return arith.as_expr(out)


def decl_buffer(
    shape: Sequence[Any],
    dtype: str = "float32",
    name: str = "buffer",
    data: _E.Var | None = None,
    strides: Sequence[Any] | None = None,
    elem_offset: Any = None,
    scope: str = "",
    data_alignment: int = -1,
    offset_factor: int = 0,
) -> _Buffer:
    """A buffer object (no statement), as ``tvm.tirx.decl_buffer`` makes one."""
    return make_buffer(
        shape, dtype, data, strides, elem_offset, scope or "global",
        data_alignment if data_alignment > 0 else 0, offset_factor, name=name,
    )  # fmt: skip


__all__ = [
    "EQ", "GE", "GT", "LE", "LT", "NE", "Add", "And", "Broadcast", "BufferLoad", "Cast", "Div",
    "FloatImm", "FloorDiv", "FloorMod", "IntImm", "IterVar", "Max", "Min", "Mod", "Mul", "Not",
    "Or", "Ramp", "Select", "Shuffle", "SizeVar", "StringImm", "Sub", "Var", "abs", "all", "any",
    "call_extern", "call_intrin", "ceil", "const", "decl_buffer", "exp", "floor", "floordiv",
    "floormod", "if_then_else", "is_buffer_var", "layout", "log", "max", "max_value", "min",
    "min_value", "sqrt", "truncdiv", "truncmod", "vscale",
]  # fmt: skip
