"""Operators: one interned `Op` per name, shared by TIR intrinsics and Relax operators."""

from __future__ import annotations

from dataclasses import dataclass

from tvmscript.core.ir.node import Node


@dataclass(frozen=True, slots=True, eq=False)
class Op(Node):
    """An operator, e.g. ``tir.exp`` or ``relax.add``; one object per name (`get_op`)."""

    name: str

    def __repr__(self) -> str:
        return f"Op({self.name!r})"


_OPS: dict[str, Op] = {}


def get_op(name: str) -> Op:
    """The one `Op` object named ``name``; created on first use."""
    if (op := _OPS.get(name)) is None:
        op = _OPS[name] = Op(name)
    return op
