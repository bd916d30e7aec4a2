"""tvmscript: a standalone implementation of TVMScript and its editor tooling.

``from tvmscript import tir as T, relax as R, ir as I`` gives the TVMScript namespaces;
`from_source` parses text to IR and `check_source` reports every problem of a file as
diagnostics. The entry points load on first use, so importing an IR package (`tvmscript.core`)
does not load the parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from tvmscript import ir as ir
    from tvmscript.diagnostics import Diagnostic as Diagnostic
    from tvmscript.diagnostics import DiagnosticError as DiagnosticError
    from tvmscript.runtime.compile import compile as compile
    from tvmscript.runtime.load import load as load
    from tvmscript.runtime.packed import register_func as register_func
    from tvmscript.script.parser.api import check_source as check_source
    from tvmscript.script.parser.api import from_source as from_source

_LAZY: Final[dict[str, tuple[str, str | None]]] = {
    "Diagnostic": ("tvmscript.diagnostics", "Diagnostic"),
    "DiagnosticError": ("tvmscript.diagnostics", "DiagnosticError"),
    "check_source": ("tvmscript.script.parser.api", "check_source"),
    "compile": ("tvmscript.runtime.compile", "compile"),
    "from_source": ("tvmscript.script.parser.api", "from_source"),
    "ir": ("tvmscript.ir", None),
    "load": ("tvmscript.runtime.load", "load"),
    "register_func": ("tvmscript.runtime.packed", "register_func"),
    "transform": ("tvmscript.transform", None),
}

__all__ = [
    "Diagnostic",
    "DiagnosticError",
    "check_source",
    "compile",
    "from_source",
    "ir",
    "load",
    "register_func",
    "transform",
]


def __getattr__(name: str) -> Any:
    if (where := _LAZY.get(name)) is None:
        raise AttributeError(f"module 'tvmscript' has no attribute {name!r}")
    module_name, attr = where
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value
