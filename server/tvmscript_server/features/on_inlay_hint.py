"""``textDocument/inlayHint`` (hints from `tvmscript_server.inlay_hints`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import PositionCodec, ServerTextPosition

from tvmscript_server.guard import never_crash
from tvmscript_server.inlay_hints import Hint, inlay_hints

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Inlay hints: dtypes of scalars, remapped block axes, struct info of Relax bindings."""

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    @never_crash
    def inlay_hint(ls: TVMScriptServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        if not ls.options.inlay_hints:
            return []
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        lines = document.lines  # (split once: pygls splits the text on each access)
        wanted = document.range_from_client_units(params.range)
        start = (wanted.start.line + 1, wanted.start.character + 1)
        end = (wanted.end.line + 1, wanted.end.character + 1)
        index = ls.analysis(document).symbols
        plain = [line.rstrip("\r\n") for line in lines]
        codec = document.position_codec
        return [_to_lsp(codec, lines, hint) for hint in inlay_hints(index, plain, start, end)]


def _to_lsp(codec: PositionCodec, lines: Sequence[str], hint: Hint) -> types.InlayHint:
    # (the document's own conversion splits its text again for each position)
    position = ServerTextPosition(max(hint.line - 1, 0), max(hint.column - 1, 0))
    return types.InlayHint(
        position=codec.position_to_client_units(lines, position),
        label=hint.label,
        kind=types.InlayHintKind.Type if hint.kind == "type" else types.InlayHintKind.Parameter,
        tooltip=hint.tooltip or None,
        padding_left=False,
        padding_right=False,
    )
