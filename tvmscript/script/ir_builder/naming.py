"""Naming values after the source names they are bound to.

Name hints are the one piece of IR set after construction: the builder makes a buffer or a
variable before the parser knows the name on the left of ``=``. Names take no part in
structural equality, so giving one never changes what a node means.
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.relax.expr import Var as RelaxVar
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import Var


def rename(value: Any, name: str) -> Any:
    """Set the name hint of a TIR `Var`, `Buffer` or Relax variable; return ``value``."""
    if isinstance(value, Buffer):
        object.__setattr__(value, "name", name)
        if value.data.name in ("", "buffer", "handle", "v"):
            object.__setattr__(value.data, "name", name)
    elif isinstance(value, Var):
        object.__setattr__(value, "name", name)
    elif isinstance(value, RelaxVar):
        object.__setattr__(value, "name_hint", name)
    return value
