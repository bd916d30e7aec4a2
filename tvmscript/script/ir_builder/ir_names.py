"""Constructors of ``I`` with TVM 0.27's signatures (``I.GenericConst``, ``I.StringImm``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tvmscript.core.relax.expr import Constant
from tvmscript.core.tir.expr import StringImm as _StringImm
from tvmscript.script.ir_builder.ir import frames as _frames


class GenericConst:
    """A constant tensor value (``metadata["ir.GenericConst"][i]`` in printed modules)."""

    def __new__(cls, value: Any, ty: Any) -> Constant:  # type: ignore[misc]
        import numpy as np

        del ty  # the type follows from the value
        return Constant(np.asarray(value))


class IRModuleFrame:
    """The frame of an ``I.ir_module`` being built, from its parts."""

    def __new__(  # type: ignore[misc]
        cls,
        global_vars: Mapping[str, Any],
        functions: Mapping[Any, Any],
        attrs: Mapping[str, Any],
        global_infos: Mapping[str, Any],
    ) -> _frames.IRModuleFrame:
        frame = _frames.IRModuleFrame()
        frame.global_vars.update(global_vars)
        frame.functions.update(functions)
        frame.attrs.update(attrs)
        frame.global_infos.update(global_infos)
        return frame


class StringImm:
    """A string constant."""

    def __new__(cls, value: str) -> _StringImm:  # type: ignore[misc]
        return _StringImm(value)


__all__ = ["GenericConst", "IRModuleFrame", "StringImm"]
