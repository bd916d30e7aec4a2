"""``textDocument/formatting``, ``rangeFormatting`` and ``rangesFormatting``: layout only.

The layout of TVMScript definitions as ``tvmscript fmt`` gives it (`tvmscript.script.formatter`):
names, expressions, docstrings and comments stay as written; lines wrap at the project's line
length. A range formats every definition it touches; nothing outside definitions changes. TVM's
printed form is a code action ("Rewrite as TVM prints it", `on_code_action`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import ServerTextPosition, TextDocument

from tvmscript.script.formatter import Replacement, Skipped, format_source, options_for
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
    lines = None if ranges is None else line_spans(ranges)
    replacements, skipped = format_source(
        document.source, lines, options=options_for(document.path)
    )
    log_skipped(ls, skipped)
    return text_edits(document, replacements)


def log_skipped(ls: TVMScriptServer, skipped: list[Skipped]) -> None:
    """Say why each definition was left as written (a warning in the client's log)."""
    for item in skipped:
        ls.log(
            f"tvmscript: not formatting '{item.name}' (line {item.line + 1}): {item.reason}",
            types.MessageType.Warning,
        )


def line_spans(ranges: list[types.Range]) -> list[tuple[int, int]]:
    """The lines (inclusive) of each range; a range ending at a line's start ends above it."""
    spans = []
    for r in ranges:
        last = r.end.line - 1 if r.end.character == 0 and r.end.line > r.start.line else r.end.line
        spans.append((r.start.line, last))
    return spans


def text_edits(document: TextDocument, replacements: list[Replacement]) -> list[types.TextEdit]:
    """Whole lines replaced; at the end of a file without a final newline, up to its end.

    A line start is character 0 in every encoding: only that end of a file is converted.
    """
    source = document.source
    count = source.count("\n") + 1  # the lines of `source.split("\n")`
    edits = []
    for replacement in sorted(replacements, key=lambda r: r.start):
        new_text = replacement.text
        start = types.Position(line=replacement.start, character=0)
        if replacement.end < count:
            end = types.Position(line=replacement.end, character=0)
        else:  # the definition runs to the end of the file, without a newline after it
            last = source[source.rfind("\n") + 1 :]
            server_end = ServerTextPosition(count - 1, len(last))
            end = document.position_codec.position_to_client_units(document.lines, server_end)
            new_text = new_text.removesuffix("\n")
        edits.append(types.TextEdit(range=types.Range(start=start, end=end), new_text=new_text))
    return edits
