"""The table of TVMScript decorators, by identity of the decorator object."""

from __future__ import annotations

from functools import cache
from typing import Final

from tvmscript.script.parser.entry_utils import DefinitionKind

_TABLE: Final[list[tuple[str, str, DefinitionKind]]] = [
    ("tvmscript.script.parser.tir.entry", "prim_func", "prim_func"),
    ("tvmscript.script.parser.tir.entry", "macro", "macro"),
    ("tvmscript.script.parser.tir.entry", "inline", "macro"),
    ("tvmscript.script.parser.tir.entry", "jit", "jit"),
    ("tvmscript.script.parser.ir.entry", "ir_module", "ir_module"),
    ("tvmscript.script.parser.relax.entry", "function", "relax_function"),
    ("tvmscript.script.parser.relax.entry", "macro", "macro"),
]


@cache
def _kinds() -> dict[int, DefinitionKind]:
    import importlib

    out: dict[int, DefinitionKind] = {}
    for module_name, attr, kind in _TABLE:
        module = importlib.import_module(module_name)
        out[id(getattr(module, attr))] = kind
    return out


def kind_of(value: object) -> DefinitionKind | None:
    """What ``value`` makes of a definition it decorates (None: not a TVMScript decorator)."""
    return _kinds().get(id(value))
