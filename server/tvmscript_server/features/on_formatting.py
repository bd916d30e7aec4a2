"""``textDocument/formatting``, ``rangeFormatting`` and ``rangesFormatting``.

The unit of formatting is a whole TVMScript definition (see `tvmscript.script.formatter`):
a statement's text depends on the buffers, variables and blocks around it, so a range formats
every definition it touches, and nothing outside definitions changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import ServerTextPosition, ServerTextRange, TextDocument

from tvmscript.script.formatter import Replacement, format_source
from tvmscript_server.guard import never_crash

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Format whole documents, ranges and lists of ranges."""

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @never_crash
    def formatting(
        ls: TVMScriptServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit] | None:
        return _format(ls, params.text_document.uri, None)

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @never_crash
    def range_formatting(
        ls: TVMScriptServer, params: types.DocumentRangeFormattingParams
    ) -> list[types.TextEdit] | None:
        return _format(ls, params.text_document.uri, [params.range])

    @server.feature(types.TEXT_DOCUMENT_RANGES_FORMATTING)
    @never_crash
    def ranges_formatting(
        ls: TVMScriptServer, params: types.DocumentRangesFormattingParams
    ) -> list[types.TextEdit] | None:
        return _format(ls, params.text_document.uri, list(params.ranges))


def _format(
    ls: TVMScriptServer, uri: str, ranges: list[types.Range] | None
) -> list[types.TextEdit]:
    document = ls.workspace.get_text_document(uri)
    text = document.source
    if ranges is None:
        replacements, skipped = format_source(text)
    else:
        replacements, skipped = [], []
        for lines in _line_spans(ranges):
            found, not_done = format_source(text, lines)
            replacements += [r for r in found if r not in replacements]
            skipped += [s for s in not_done if s not in skipped]
    for item in skipped:
        ls.log(
            f"tvmscript: not formatting '{item.name}' (line {item.line + 1}): {item.reason}",
            types.MessageType.Warning,
        )
    return [_text_edit(document, r) for r in sorted(replacements, key=lambda r: r.start)]


def _line_spans(ranges: list[types.Range]) -> list[tuple[int, int]]:
    """The lines (inclusive) of each range; a range ending at a line's start ends above it."""
    spans = []
    for r in ranges:
        last = r.end.line - 1 if r.end.character == 0 and r.end.line > r.start.line else r.end.line
        spans.append((r.start.line, last))
    return spans


def _text_edit(document: TextDocument, replacement: Replacement) -> types.TextEdit:
    """Whole lines replaced; at the end of a file without a final newline, up to its end."""
    lines = document.source.split("\n")
    new_text = replacement.text
    if replacement.end < len(lines):
        end = ServerTextPosition(replacement.end, 0)
    else:  # the definition runs to the end of the file, without a newline after it
        end = ServerTextPosition(len(lines) - 1, len(lines[-1]))
        new_text = new_text.removesuffix("\n")
    server_range = ServerTextRange(ServerTextPosition(replacement.start, 0), end)
    return types.TextEdit(range=document.range_to_client_units(server_range), new_text=new_text)
