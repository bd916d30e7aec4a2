"""Source text with fast position conversion (``ast`` columns are UTF-8 bytes)."""

from __future__ import annotations

from functools import cached_property

from tvmscript.core.ir.span import Span


class Source:
    """A file's text; converts ``ast`` byte columns to 1-based character columns."""

    def __init__(self, text: str, file: str = "<string>", line_offset: int = 0) -> None:
        self.text = text
        self.file = file
        self.line_offset = line_offset  # added to every line (text cut from a bigger file)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def ascii(self) -> bool:
        """Whether the text is ASCII only (then byte and character columns agree)."""
        return self.text.isascii()

    def char_column(self, line: int, byte_col: int) -> int:
        """1-based character column of 0-based ``byte_col`` on 1-based local ``line``."""
        if line < 1 or line > len(self.lines):
            return byte_col + 1
        text = self.lines[line - 1]
        if text.isascii():
            return byte_col + 1
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="replace")) + 1

    def span(self, line: int, col: int, end_line: int | None, end_col: int | None) -> Span:
        """A span from ``ast`` positions (1-based local lines, 0-based byte columns)."""
        if end_line is None or end_col is None:
            end_line, end_col = line, col + 1
        off = self.line_offset
        if self.ascii:  # byte columns are character columns
            return Span(self.file, line + off, col + 1, end_line + off, end_col + 1)
        return Span(
            self.file,
            line + off,
            self.char_column(line, col),
            end_line + off,
            self.char_column(end_line, end_col),
        )

    def line_span(self, line: int) -> Span:
        """The whole of local ``line`` (1-based)."""
        text = self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
        start = len(text) - len(text.lstrip()) + 1
        line += self.line_offset
        return Span(self.file, line, start, line, len(text) + 1)
