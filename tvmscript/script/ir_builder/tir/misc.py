"""Auxiliary values of TVMScript: ``T.comm_reducer``, ``T.target``, ``T.Range``, ``T.Let``."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tvmscript.ir.node import Node
from tvmscript.script.ir_builder.ir.ir import meta_var as meta_var
from tvmscript.tir import arith
from tvmscript.tir.expr import CommReducer, PrimExpr, Var
from tvmscript.tir.expr import Range as _Range


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


@dataclass(frozen=True, slots=True, eq=False)
class Target(Node):
    """A compilation target, kept as its configuration (``T.target({"kind": "llvm"})``)."""

    config: Mapping[str, Any] = field(default_factory=dict)
    """The target's attributes (``kind``, ``keys``, ``mcpu``, ...) in the order given."""
    host: Target | None = None
    """The host target of a device target."""

    @property
    def kind(self) -> str:
        return str(self.config.get("kind", ""))


def target(
    target_config: Mapping[str, Any] | str, host: Mapping[str, Any] | str | Target | None = None
) -> Target:
    """A `Target` from a configuration dict or a target string such as ``"llvm"``."""
    cfg = _target_config(target_config)
    host_target = None
    if host is not None:
        host_target = host if isinstance(host, Target) else Target(_target_config(host))
    elif "host" in cfg:
        raw = cfg.pop("host")
        host_target = raw if isinstance(raw, Target) else Target(_target_config(raw))
    return Target(cfg, host_target)


def _target_config(config: object) -> dict[str, Any]:
    if isinstance(config, str):
        kind, *options = config.split()
        cfg: dict[str, Any] = {"kind": kind}
        for option in options:
            key, _, value = option.lstrip("-").partition("=")
            cfg[key] = value
        return cfg
    if isinstance(config, Mapping):
        return dict(config)
    raise ValueError(f"T.target expects a config dict or a string, got {type(config).__name__!r}")


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
    from tvmscript.tir.expr import Let as LetExpr

    return LetExpr(var, arith.as_expr(value), arith.as_expr(expr))
