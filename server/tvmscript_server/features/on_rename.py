"""``textDocument/rename`` and ``prepareRename`` for local names and module functions.

Only the occurrences the parser resolved to the symbol change (never strings, comments or
text outside TVMScript definitions). A refused rename answers a ``RequestFailed`` error whose
message says why (not an identifier, or a clash with a name visible in the same scope).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tvmscript_server.guard import never_crash
from tvmscript_server.navigation import (
    RenameRefused,
    check_new_name,
    rename_target,
    symbol_at,
)
from tvmscript_server.ranges import span_to_range, to_lsp_range

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

REQUEST_FAILED: Final = -32803


def register(server: TVMScriptServer) -> None:
    """Rename with a prepare step."""

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @never_crash
    def prepare_rename(
        ls: TVMScriptServer, params: types.PrepareRenameParams
    ) -> types.PrepareRenamePlaceholder | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        position = document.position_from_client_units(params.position)
        symbol = symbol_at(ls.analysis(document).symbols, position.line, position.character)
        if symbol is None or symbol.kind == "block":
            return None
        line, character = position.line + 1, position.character + 1
        span = next(
            (s for s in symbol.occurrences() if s.line == line and s.column <= character),
            symbol.span,
        )
        return types.PrepareRenamePlaceholder(
            range=to_lsp_range(document, span), placeholder=symbol.name
        )

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(ls: TVMScriptServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        result = _rename(ls, params)
        if isinstance(result, RenameRefused):
            raise JsonRpcException(f"cannot rename: {result}", REQUEST_FAILED)
        return result if isinstance(result, types.WorkspaceEdit) else None


@never_crash
def _rename(
    ls: TVMScriptServer, params: types.RenameParams
) -> types.WorkspaceEdit | RenameRefused | None:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    position = document.position_from_client_units(params.position)
    index = ls.analysis(document).symbols
    try:
        symbol = rename_target(index, position.line, position.character)
        check_new_name(document.source, index, symbol, params.new_name)
    except RenameRefused as refused:
        return refused
    lines, codec = document.lines, document.position_codec  # (split once)
    edits = [
        types.TextEdit(range=span_to_range(codec, lines, span), new_text=params.new_name)
        for span in symbol.occurrences()
    ]
    return types.WorkspaceEdit(changes={uri: edits})
