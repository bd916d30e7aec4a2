"""The ``@I.ir_module`` decorator."""

from __future__ import annotations

from typing import Any


def ir_module(mod: Any = None, check_well_formed: bool = True, s_tir: bool = False) -> Any:
    """Parse the decorated class's source into an `IRModule`."""
    from tvmscript.script.parser.source_decorator import parse_decorated

    del check_well_formed, s_tir
    cls = mod
    if cls is None:
        return lambda c: parse_decorated(c, "ir_module")
    return parse_decorated(cls, "ir_module")


def pyfunc(func: Any) -> Any:
    """Mark a Python function of an ``@I.ir_module`` class as a module member (not parsed)."""
    return func
