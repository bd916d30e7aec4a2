"""Source locations carried by IR nodes and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A range in one file: 1-based lines and columns (characters), end exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def contains(self, line: int, column: int) -> bool:
        """Whether the 1-based position ``(line, column)`` lies inside this span."""
        if (line, column) < (self.line, self.column):
            return False
        return (line, column) < (self.end_line, self.end_column)
