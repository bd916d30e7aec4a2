"""A Python file cut into top-level chunks, each a statement with its decorators and comments.

The parser's syntax-error recovery parses the chunks that still parse; the document analysis
re-parses only the chunks an edit changed. Both cut the file the same way, here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

_NOT_A_START: Final = ("", " ", "\t", "#", ")", "]", "}")


def top_level_chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(first line, text)`` of each chunk: one starts at a column-0 line that continues none."""
    lines = text.split("\n")
    start = 0
    for i, line in enumerate(lines):
        if i and line[:1] not in _NOT_A_START and not _continues(lines, i):
            yield start + 1, "\n".join(lines[start:i])
            start = i
    yield start + 1, "\n".join(lines[start:])


def _continues(lines: list[str], i: int) -> bool:
    """Whether line ``i`` belongs to the statement above (a decorator's definition)."""
    return lines[i - 1].lstrip().startswith("@")
