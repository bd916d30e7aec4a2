"""The Relax operator registry: each operator's spelling, purity and struct-info inference.

An operator is an interned `Op` named ``relax.<name>`` (``relax.nn.conv2d``); its `OpDef` says
how TVMScript spells it (``R.nn.conv2d``), whether it is pure, and how the struct info of a
call follows from the arguments' (``infer``). `make_call` builds a call and infers its struct
info at once, so a bad call fails where it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from tvmscript.core.ir.op import Op, get_op
from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.struct_info import StructInfo

InferFn = Callable[[Call], StructInfo]
_F = TypeVar("_F", bound=InferFn)


class InferenceError(ValueError):
    """A call whose arguments do not fit its operator (incompatible shapes, a bad axis, ...).

    ``code`` is the diagnostic code the parser reports it under.
    """

    def __init__(self, message: str, code: str = "invalid-argument") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class OpDef:
    """What is registered for one Relax operator."""

    op: Op
    script_name: str
    """The spelling after ``R.``: ``"add"``, ``"nn.conv2d"``, ``"call_tir"``."""
    infer: InferFn
    """The struct info of a call from its arguments' (raises `InferenceError`)."""
    pure: bool = True
    """Whether a call has no visible side effect (allowed in a dataflow block)."""
    partial: bool = False
    """Whether ``infer`` runs even when some argument has no struct info (``R.call_tir``'s
    callee is a `GlobalVar`; its result comes from ``sinfo_args``)."""


_DEFS: dict[str, OpDef] = {}
PREFIX: Final = "relax."


def register_op(
    name: str, script_name: str | None = None, *, pure: bool = True, partial: bool = False
) -> Callable[[_F], _F]:
    """Register the decorated inference function for operator ``relax.<name>``."""

    def register(infer: _F) -> _F:
        full = PREFIX + name
        if full in _DEFS:
            raise RuntimeError(f"operator {full!r} registered twice")
        _DEFS[full] = OpDef(get_op(full), script_name or name, infer, pure, partial)
        return infer

    return register


def op_def(op: object) -> OpDef | None:
    """The definition of ``op`` when it is a registered Relax operator."""
    return _DEFS.get(op.name) if isinstance(op, Op) else None


def registered_ops() -> list[OpDef]:
    """Every registered operator, by name."""
    return [_DEFS[name] for name in sorted(_DEFS)]


def make_call(
    name: str,
    args: tuple[Expr, ...] | list[Expr],
    attrs: Mapping[str, Any] | None = None,
    sinfo_args: tuple[StructInfo, ...] | list[StructInfo] = (),
) -> Call:
    """A call of ``relax.<name>``, its struct info inferred when every argument has one."""
    definition = _DEFS.get(PREFIX + name)
    if definition is None:
        raise KeyError(f"no Relax operator {name!r}")
    call = Call(definition.op, tuple(args), dict(attrs or {}), tuple(sinfo_args))
    if definition.partial or all(getattr(a, "struct_info", None) is not None for a in call.args):
        call.with_struct_info(definition.infer(call))
    return call


def infer_struct_info(call: Call) -> StructInfo:
    """The struct info of an operator call (the call's own when it has one)."""
    if call.struct_info is not None:
        return call.struct_info
    definition = op_def(call.op)
    if definition is None:
        raise InferenceError(f"{call.op!r} is not a Relax operator")
    return definition.infer(call)
