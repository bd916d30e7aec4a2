"""``textDocument/hover``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.hover import hover_at

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Answer hovers with `hover_at`."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @never_crash
    def hover(ls: TVMScriptServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        position = document.position_from_client_units(params.position)
        analysis = ls.analysis(document)
        text = hover_at(document.source, position.line, position.character, analysis)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
