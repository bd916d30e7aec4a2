"""``textDocument/definition``: local names, buffers, axes, ``cls.func``; ``T.*`` in stubs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.navigation import stub_location, symbol_at
from tvmscript_server.ranges import to_lsp_range

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Answer definition requests from the symbol index (and generated stubs for ``T.*``)."""

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @never_crash
    def definition(ls: TVMScriptServer, params: types.DefinitionParams) -> types.Location | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        position = document.position_from_client_units(params.position)
        symbol = symbol_at(ls.analysis(document).symbols, position.line, position.character)
        if symbol is not None:
            return types.Location(uri=uri, range=to_lsp_range(document, symbol.span))
        stub = stub_location(document.source, position.line, position.character)
        if stub is None:
            return None
        start = types.Position(line=stub.line, character=max(stub.column, 0))
        return types.Location(uri=stub.path.as_uri(), range=types.Range(start=start, end=start))
