"""tvmscript: a standalone implementation of TVMScript and its editor tooling.

``from tvmscript import tir as T, ir as I`` gives the TVMScript namespaces; `from_source`
parses text to IR and `check_source` reports every problem of a file as diagnostics.
"""

from __future__ import annotations

from tvmscript import ir
from tvmscript.diagnostics import Diagnostic, DiagnosticError
from tvmscript.script.parser.api import check_source, from_source

__all__ = ["Diagnostic", "DiagnosticError", "check_source", "from_source", "ir"]
