"""``textDocument/references``: every use of a local name or module function."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.navigation import symbol_at
from tvmscript_server.ranges import span_to_range

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Answer reference requests from the symbol index."""

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @never_crash
    def references(
        ls: TVMScriptServer, params: types.ReferenceParams
    ) -> list[types.Location] | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        position = document.position_from_client_units(params.position)
        symbol = symbol_at(ls.analysis(document).symbols, position.line, position.character)
        if symbol is None:
            return None
        spans = symbol.occurrences() if params.context.include_declaration else symbol.references
        lines, codec = document.lines, document.position_codec  # (split once)
        return [types.Location(uri=uri, range=span_to_range(codec, lines, s)) for s in spans]
