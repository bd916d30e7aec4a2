"""The ``@I.ir_module`` decorator."""

from __future__ import annotations

from typing import Any


def ir_module(cls: Any = None, *, check_well_formed: bool = True) -> Any:
    """Parse the decorated class's source into an `IRModule`."""
    from tvmscript.script.parser.source_decorator import parse_decorated

    del check_well_formed
    if cls is None:
        return lambda c: parse_decorated(c, "ir_module")
    return parse_decorated(cls, "ir_module")
