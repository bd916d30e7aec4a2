from __future__ import annotations

from lsprotocol import types
from pygls.workspace import TextDocument

from tvmscript.core.ir.span import Span
from tvmscript_server.ranges import to_lsp_range


def test_ranges_are_zero_based() -> None:
    document = TextDocument("file:///k.py", "ab\ncdef\n")
    assert to_lsp_range(document, Span("k.py", 2, 2, 2, 4)) == types.Range(
        start=types.Position(line=1, character=1), end=types.Position(line=1, character=3)
    )


def test_ranges_count_utf16_units_after_astral_characters() -> None:
    # U+1D465 is one code point (our column unit) but two UTF-16 units (the LSP default).
    document = TextDocument("file:///k.py", 's = "\U0001d465"; C\n')
    assert to_lsp_range(document, Span("k.py", 1, 10, 1, 11)) == types.Range(
        start=types.Position(line=0, character=10), end=types.Position(line=0, character=11)
    )


def test_ranges_never_go_before_the_file_start() -> None:
    document = TextDocument("file:///k.py", "x\n")
    assert to_lsp_range(document, Span("k.py", 0, 0, 0, 0)).start == types.Position(
        line=0, character=0
    )
