"""Dtype conversion: ``R.astype`` and ``R.wrap_param``."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import like, tensor_info
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo


def _infer_cast(call: Call) -> StructInfo:
    return like(tensor_info(call, 0, "input"), call.attrs["dtype"])


register_op("astype")(_infer_cast)
register_op("wrap_param")(_infer_cast)


def astype(x: Expr, dtype: str) -> Call:
    """``x`` converted to ``dtype``."""
    return make_call("astype", [x], {"dtype": str(dtype)})


def wrap_param(data: Expr, dtype: str = "float32") -> Call:
    """A model parameter converted to ``dtype`` (kept apart from other casts)."""
    return make_call("wrap_param", [data], {"dtype": str(dtype)})


__all__ = ["astype", "wrap_param"]
