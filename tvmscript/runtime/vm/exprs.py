"""Integer expressions of the VM: symbolic shapes as plain data, evaluated by closures.

A TIR expression over a function's symbolic dimensions becomes an `SExpr`: an ``int`` or a
``float``, or a tuple ``(op, *operands)``: ``("r", i)`` is register ``i``, ``("shape", i, k)``
the extent ``k`` of the array in register ``i``, ``("ndim", i)`` its rank, and the rest are
arithmetic (``("add", a, b)``, ...). It is plain data, so a compiled program can be written
as JSON; `evaluator` turns one into a closure over the register file, once, at load time.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeAlias

from tvmscript.core.tir import expr as E

SExpr: TypeAlias = int | float | tuple[Any, ...]
Regs: TypeAlias = list[Any]
Eval: TypeAlias = Callable[[Regs], Any]


class Unbound(Exception):
    """An expression names a variable the VM has no value for."""

    def __init__(self, var: E.Var) -> None:
        super().__init__(f"'{var.name}' has no value here")
        self.var = var


def _trunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _trunc_mod(a: int, b: int) -> int:
    return a - b * _trunc_div(a, b)


def _floor_div(a: Any, b: Any) -> Any:
    if isinstance(a, float) or isinstance(b, float):
        return a / b
    return a // b


def _div(a: Any, b: Any) -> Any:
    if isinstance(a, float) or isinstance(b, float):
        return a / b
    return _trunc_div(a, b)


def _mod(a: Any, b: Any) -> Any:
    if isinstance(a, float) or isinstance(b, float):
        return a - b * int(a / b)
    return _trunc_mod(a, b)


_BINARY: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "div": _div,
    "mod": _mod,
    "floordiv": _floor_div,
    "floormod": operator.mod,
    "min": min,
    "max": max,
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "and": lambda a, b: bool(a) and bool(b),
    "or": lambda a, b: bool(a) or bool(b),
}
_NODES: Final[tuple[tuple[type[E.PrimExpr], str], ...]] = (
    (E.Add, "add"),
    (E.Sub, "sub"),
    (E.Mul, "mul"),
    (E.Div, "div"),
    (E.Mod, "mod"),
    (E.FloorDiv, "floordiv"),
    (E.FloorMod, "floormod"),
    (E.Min, "min"),
    (E.Max, "max"),
    (E.EQ, "eq"),
    (E.NE, "ne"),
    (E.LT, "lt"),
    (E.LE, "le"),
    (E.GT, "gt"),
    (E.GE, "ge"),
    (E.And, "and"),
    (E.Or, "or"),
)
_SYMBOLS: Final = {
    "add": "+",
    "sub": "-",
    "mul": "*",
    "div": "/",
    "mod": "%",
    "floordiv": "//",
    "floormod": "%",
    "eq": "==",
    "ne": "!=",
    "lt": "<",
    "le": "<=",
    "gt": ">",
    "ge": ">=",
    "and": "and",
    "or": "or",
}


def _op_name(e: E.PrimExpr) -> str | None:
    for cls, name in _NODES:
        if type(e) is cls:
            return name
    return None


def lower_expr(e: E.PrimExpr, lookup: Callable[[E.Var], SExpr]) -> SExpr:
    """``e`` as an `SExpr`; ``lookup`` gives each variable's (raises `Unbound`)."""
    if isinstance(e, E.IntImm):
        return bool(e.value) if e.dtype == "bool" else int(e.value)
    if isinstance(e, E.FloatImm):
        return float(e.value)
    if isinstance(e, E.Var):
        return lookup(e)
    if isinstance(e, E.Cast):
        inner = lower_expr(e.value, lookup)
        return fold(("cast", e.dtype, inner))
    if isinstance(e, E.Not):
        return fold(("not", lower_expr(e.a, lookup)))
    if isinstance(e, E.Select):
        parts = (e.condition, e.true_value, e.false_value)
        c, t, f = (lower_expr(p, lookup) for p in parts)
        return fold(("select", c, t, f))
    if isinstance(e, E.BinaryOp | E.CmpOp) and (name := _op_name(e)) is not None:
        return fold((name, lower_expr(e.a, lookup), lower_expr(e.b, lookup)))
    raise ValueError(f"the VM cannot evaluate the expression '{e}'")


def is_const(s: SExpr) -> bool:
    """Whether ``s`` is a number (no register, no shape read)."""
    return isinstance(s, int | float)


def const_ints(dims: tuple[SExpr, ...]) -> tuple[int, ...] | None:
    """``dims`` as ints when every one is a constant, else None."""
    out = []
    for d in dims:
        if not isinstance(d, int | float):
            return None
        out.append(int(d))
    return tuple(out)


def fold(s: SExpr) -> SExpr:
    """``s`` with its constant operation done (one level: operands are folded already)."""
    if isinstance(s, int | float):
        return s
    head, *rest = s
    if head == "cast" and is_const(rest[1]):
        cast: SExpr = _cast(rest[0], rest[1])
        return cast
    if head == "not" and is_const(rest[0]):
        return not rest[0]
    if head == "select" and is_const(rest[0]):
        chosen: SExpr = rest[1] if rest[0] else rest[2]
        return chosen
    if head in _BINARY and is_const(rest[0]) and is_const(rest[1]):
        try:
            value: int | float = _BINARY[head](rest[0], rest[1])
        except ZeroDivisionError:
            return s
        return value
    return s


def _cast(dtype: str, value: Any) -> Any:
    if dtype.startswith(("float", "bfloat")):
        return float(value)
    if dtype == "bool":
        return bool(value)
    return int(value)


def evaluator(s: SExpr | Sequence[Any]) -> Eval:
    """A closure computing ``s`` from the register file (also for its JSON form, lists)."""
    if isinstance(s, bool | int | float):
        value = s
        return lambda regs: value
    head = s[0]
    if head == "r":
        index = int(s[1])
        return lambda regs: regs[index]
    if head == "shape":
        reg, axis = int(s[1]), int(s[2])
        return lambda regs: regs[reg].shape[axis]
    if head == "ndim":
        reg = int(s[1])
        return lambda regs: regs[reg].ndim
    if head == "cast":
        dtype, inner = str(s[1]), evaluator(s[2])
        return lambda regs: _cast(dtype, inner(regs))
    if head == "not":
        inner = evaluator(s[1])
        return lambda regs: not inner(regs)
    if head == "select":
        c, t, f = (evaluator(x) for x in s[1:])
        return lambda regs: t(regs) if c(regs) else f(regs)
    fn = _BINARY[str(head)]
    a, b = evaluator(s[1]), evaluator(s[2])
    if is_const(s[2]):
        cb = s[2]
        return lambda regs: fn(a(regs), cb)
    return lambda regs: fn(a(regs), b(regs))


def to_json(s: SExpr) -> Any:
    """``s`` with tuples as lists."""
    if isinstance(s, tuple):
        return [to_json(x) for x in s]
    return s


def from_json(j: Any) -> SExpr:
    """The `SExpr` of ``to_json``'s output."""
    if isinstance(j, list):
        return tuple(from_json(x) for x in j)
    if isinstance(j, bool | int | float):
        return j
    if isinstance(j, str):
        return j  # type: ignore[return-value]  # an operation's name inside a tuple
    raise ValueError(f"not an expression: {j!r}")


def describe(s: SExpr, names: Mapping[int, str]) -> str:
    """``s`` as text for an error message (registers by their names)."""
    if isinstance(s, bool):
        return str(s)
    if isinstance(s, int | float):
        return repr(s)
    head = s[0]
    if head == "r":
        return names.get(int(s[1]), f"%{s[1]}")
    if head == "shape":
        return f"{names.get(int(s[1]), f'%{s[1]}')}.shape[{s[2]}]"
    if head == "ndim":
        return f"{names.get(int(s[1]), f'%{s[1]}')}.ndim"
    if head == "cast":
        return describe(s[2], names)
    if head == "not":
        return f"not {describe(s[1], names)}"
    if head == "select":
        c, t, f = (describe(x, names) for x in s[1:])
        return f"({t} if {c} else {f})"
    if head in ("min", "max"):
        return f"{head}({describe(s[1], names)}, {describe(s[2], names)})"
    return f"({describe(s[1], names)} {_SYMBOLS[str(head)]} {describe(s[2], names)})"
