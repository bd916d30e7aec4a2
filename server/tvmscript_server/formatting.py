"""Document formatting: the core formatter `tvmscript.script.formatter` (shared with the CLI)."""

from __future__ import annotations

from tvmscript.script.formatter import (
    Replacement,
    Skipped,
    apply,
    format_definition,
    format_source,
    format_text,
)

__all__ = [
    "Replacement",
    "Skipped",
    "apply",
    "format_definition",
    "format_source",
    "format_text",
]
