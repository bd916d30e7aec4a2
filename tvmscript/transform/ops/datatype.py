"""``astype``: an element-wise cast (the identity when the dtype does not change)."""

from __future__ import annotations

from tvmscript.core.relax import expr as rx
from tvmscript.core.tir import arith
from tvmscript.transform import topi
from tvmscript.transform.registry import OpCall, legalizes


@legalizes("astype")
def _legalize_astype(c: OpCall) -> rx.Expr:
    dtype = str(c.attrs["dtype"])
    return c.emit("cast", topi.elemwise(c.tensor(0), lambda v: arith.cast(dtype, v)))
