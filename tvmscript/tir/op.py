"""Intrinsic operators: one interned `Op` per name, and calls to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tvmscript.tir import arith
from tvmscript.tir.expr import Call, Op


class CallEffectKind:
    """How a call interacts with state (TVM's CallEffectKind), as data for analyses."""

    EXPR_ANNOTATION: Final = 0
    PURE: Final = 1
    READ_STATE: Final = 2
    UPDATE_STATE: Final = 3
    OPAQUE: Final = 4
    SPECIAL_CALL_ARG: Final = 5
    CONTROL_JUMP: Final = 6


@dataclass(frozen=True, slots=True)
class OpInfo:
    """What is known about an intrinsic: its TVMScript spelling and effect."""

    name: str
    script_name: str
    effect: int = CallEffectKind.PURE


_OPS: dict[str, Op] = {}
OP_INFO: dict[str, OpInfo] = {}


def get_op(name: str) -> Op:
    """The one `Op` object named ``name`` (``"tir.exp"``); created on first use."""
    if (op := _OPS.get(name)) is None:
        op = _OPS[name] = Op(name)
    return op


def register_op(name: str, script_name: str | None = None, effect: int = CallEffectKind.PURE) -> Op:
    """Declare intrinsic ``name`` spelled ``T.script_name`` in TVMScript."""
    spelled = script_name if script_name is not None else name.rsplit(".", 1)[-1]
    OP_INFO[name] = OpInfo(name, spelled, effect)
    return get_op(name)


def op_info(op: Op) -> OpInfo:
    """What is registered for ``op`` (a default spelling when unregistered)."""
    if (info := OP_INFO.get(op.name)) is not None:
        return info
    return OpInfo(op.name, op.name.rsplit(".", 1)[-1], CallEffectKind.OPAQUE)


def call_intrin(dtype: str, name: str, *args: object) -> Call:
    """``Call(dtype, Op(name), args)``; Python scalars become constants, strings `StringImm`."""
    return Call(dtype, get_op(name), tuple(_arg(a) for a in args))


def _arg(value: object) -> object:
    from tvmscript.tir.expr import StringImm

    if isinstance(value, str):
        return StringImm(value)
    if isinstance(value, (bool, int, float)):
        return arith.as_expr(value)
    return value


def is_op(e: object, name: str) -> bool:
    """Whether ``e`` is a call of intrinsic ``name``."""
    return isinstance(e, Call) and isinstance(e.op, Op) and e.op.name == name
