"""Diagnostics: located, coded messages, and the exception that carries them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from tvmscript.core.ir.span import Span

Severity = Literal["error", "warning", "information", "hint"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at a source range (1-based lines and columns, end exclusive)."""

    severity: Severity
    message: str
    code: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def error(cls, span: Span, code: str, message: str) -> Diagnostic:
        """An error diagnostic at ``span``."""
        return cls.at(span, code, message, "error")

    @classmethod
    def at(cls, span: Span, code: str, message: str, severity: Severity) -> Diagnostic:
        """A diagnostic of ``severity`` at ``span``."""
        return cls(
            severity,
            message,
            code,
            span.file,
            span.line,
            span.column,
            span.end_line,
            span.end_column,
        )

    @property
    def span(self) -> Span:
        """The range this diagnostic covers."""
        return Span(self.file, self.line, self.column, self.end_line, self.end_column)

    def to_json(self) -> dict[str, object]:
        """The JSON shape of DESIGN.md."""
        return asdict(self)


def render(diagnostics: Sequence[Diagnostic], source: str | None = None) -> str:
    """Render diagnostics rustc-style; with ``source``, quote the offending line."""
    lines = source.splitlines() if source is not None else None
    out: list[str] = []
    for d in diagnostics:
        out.append(f"{d.severity}[{d.code}]: {d.message}")
        out.append(f"  --> {d.file}:{d.line}:{d.column}")
        if lines is not None and 1 <= d.line <= len(lines):
            text = lines[d.line - 1]
            width = (d.end_column if d.end_line == d.line else len(text) + 1) - d.column
            out.append(f"   | {text}")
            out.append(f"   | {' ' * (d.column - 1)}{'^' * max(width, 1)}")
    return "\n".join(out)


class DiagnosticError(Exception):
    """Carries every `Diagnostic` found (DESIGN.md); `str()` renders them rustc-style."""

    def __init__(self, diagnostics: Sequence[Diagnostic], source: str | None = None) -> None:
        super().__init__(render(diagnostics, source))
        self.diagnostics = tuple(diagnostics)

    @classmethod
    def at(cls, span: Span, code: str, message: str) -> DiagnosticError:
        """A one-diagnostic error at ``span``."""
        return cls([Diagnostic.error(span, code, message)])


def debug_enabled() -> bool:
    """Whether internal errors should be re-raised (``TVMSCRIPT_DEBUG=1``)."""
    return os.environ.get("TVMSCRIPT_DEBUG", "") not in ("", "0")
