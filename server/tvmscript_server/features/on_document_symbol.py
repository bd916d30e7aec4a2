"""``textDocument/documentSymbol``: module classes → functions → blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.navigation import OutlineItem, document_outline

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

    from tvmscript_server.server import TVMScriptServer

_KINDS: Final = {
    "module": types.SymbolKind.Module,
    "function": types.SymbolKind.Function,
    "block": types.SymbolKind.Struct,
}


def register(server: TVMScriptServer) -> None:
    """Hierarchical document symbols."""

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @never_crash
    def document_symbol(
        ls: TVMScriptServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol] | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        index = ls.analysis(document).symbols
        return [_symbol(document, item) for item in document_outline(document.source, index)]


def _symbol(document: TextDocument, item: OutlineItem) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=item.name,
        kind=_KINDS[item.kind],
        detail=item.detail or None,
        range=_range(document, item.range),
        selection_range=_range(document, item.selection),
        children=[_symbol(document, child) for child in item.children],
    )


def _range(document: TextDocument, rng: tuple[int, int, int, int]) -> types.Range:
    from pygls.workspace import ServerTextPosition, ServerTextRange

    start = ServerTextPosition(rng[0], rng[1])
    end = ServerTextPosition(rng[2], rng[3])
    return document.range_to_client_units(ServerTextRange(start, max(start, end)))
