"""The text-only outline, now in `tvmscript.script.outline` (the CLI's formatter uses it too)."""

from __future__ import annotations

from tvmscript.script.outline import Outline, Symbol, TopLevel, outline

__all__ = ["Outline", "Symbol", "TopLevel", "outline"]
