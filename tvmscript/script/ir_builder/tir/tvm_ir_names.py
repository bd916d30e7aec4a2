"""``tvm.ir`` and ``tvm.runtime`` as TVMScript bodies use them, without TVM.

``tvm.ir.PrimType("int32")``, ``tvm.ir.PointerType(...)``, ``tvm.ir.Range(0, n)``,
``tvm.ir.GlobalVar("f")``, ``tvm.runtime.convert(x)``.
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.ir.module import GlobalVar as GlobalVar
from tvmscript.core.tir import arith
from tvmscript.core.tir.expr import PointerType as _PointerType
from tvmscript.core.tir.expr import PrimExpr
from tvmscript.core.tir.expr import PrimType as PrimType
from tvmscript.script.ir_builder.tir.misc import Range as Range


def PointerType(element_type: Any, storage_scope: str = "global") -> _PointerType:
    """A pointer to ``element_type`` (a `PrimType` or a dtype) in ``storage_scope``."""
    dtype = element_type.dtype if isinstance(element_type, PrimType) else str(element_type)
    return _PointerType(dtype, storage_scope)


def convert(value: Any) -> Any:
    """A Python number as a TIR constant (other values pass through)."""
    if isinstance(value, bool | int | float):
        return arith.as_expr(value)
    return value


def const(value: bool | int | float, dtype: str | None = None) -> PrimExpr:
    """A constant (``tvm.runtime.const``)."""
    return arith.as_expr(value) if dtype is None else arith.make_const(dtype, value)


__all__ = ["GlobalVar", "PointerType", "PrimType", "Range", "const", "convert"]
