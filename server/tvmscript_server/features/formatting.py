"""``textDocument/formatting``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from tvmscript_server.formatting import format_source
from tvmscript_server.guard import never_crash

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Format whole documents with `format_source`."""

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @never_crash
    def formatting(
        ls: TVMScriptServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit] | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        replacements, skipped = format_source(document.source)
        for item in skipped:
            ls.log(
                f"tvmscript: not formatting '{item.name}' (line {item.line + 1}): {item.reason}",
                types.MessageType.Warning,
            )
        return [
            types.TextEdit(
                range=types.Range(
                    start=types.Position(line=r.start, character=0),
                    end=types.Position(line=r.end, character=0),
                ),
                new_text=r.text,
            )
            for r in replacements
        ]
