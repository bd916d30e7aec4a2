"""Auxiliary values of TVMScript: ``T.comm_reducer``, ``T.target``, ``T.Range``, ``T.Let``."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tvmscript.core.ir.target import Target as Target
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import CommReducer, PrimExpr, Var
from tvmscript.core.tir.expr import Range as _Range
from tvmscript.script.ir_builder.ir.ir import meta_var as meta_var


def comm_reducer(
    combiner: Callable[..., Any], identity: Sequence[PrimExpr | int | float]
) -> CommReducer:
    """A commutative reducer from ``lambda x, y: x + y`` and its identity element(s)."""
    names = list(inspect.signature(combiner).parameters)
    idents = [arith.as_expr(i) for i in identity]
    if len(names) != 2 * len(idents):
        raise ValueError(
            f"a reducer over {len(idents)} value(s) takes {2 * len(idents)} arguments, "
            f"got {len(names)}"
        )
    args = [Var(name, ident.dtype) for name, ident in zip(names, idents + idents, strict=True)]
    result = combiner(*args)
    results = result if isinstance(result, tuple | list) else (result,)
    half = len(args) // 2
    return CommReducer(
        tuple(args[:half]),
        tuple(args[half:]),
        tuple(arith.as_expr(r) for r in results),
        tuple(idents),
    )


def target(
    target_config: Mapping[str, Any] | str, host: Mapping[str, Any] | str | Target | None = None
) -> Target:
    """A `Target` from a configuration dict or a target string such as ``"llvm"``."""
    return Target.from_config(target_config, host)


def Range(begin: PrimExpr | int, end: PrimExpr | int | None = None) -> _Range:
    """The range ``[begin, end)`` (``[0, begin)`` with one argument)."""
    if end is None:
        begin, end = 0, begin
    lo, hi = arith.match_types(*arith._operands(begin, end))
    return _Range(lo, arith.sub(hi, lo))


def Let(expr: PrimExpr, where: Mapping[Var, PrimExpr]) -> PrimExpr:
    """The expression ``expr`` with one variable bound: ``T.Let(x + 1, where={x: 2})``."""
    if len(where) != 1:
        raise ValueError("T.Let binds exactly one variable in `where`")
    [(var, value)] = where.items()
    from tvmscript.core.tir.expr import Let as LetExpr

    return LetExpr(var, arith.as_expr(value), arith.as_expr(expr))
