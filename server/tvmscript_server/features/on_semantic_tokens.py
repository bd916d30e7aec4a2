"""``textDocument/semanticTokens/full`` and ``/range`` (legend in `semantic_tokens`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from lsprotocol import types

from tvmscript.core.ir.span import Span
from tvmscript_server.guard import never_crash
from tvmscript_server.ranges import span_to_range
from tvmscript_server.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES, encode

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

    from tvmscript_server.server import TVMScriptServer

LEGEND: Final = types.SemanticTokensLegend(
    token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS)
)


def register(server: TVMScriptServer) -> None:
    """Semantic tokens of TVMScript names."""

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    @never_crash
    def full(ls: TVMScriptServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return types.SemanticTokens(data=_tokens(ls, document, None))

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, LEGEND)
    @never_crash
    def in_range(
        ls: TVMScriptServer, params: types.SemanticTokensRangeParams
    ) -> types.SemanticTokens:
        document = ls.workspace.get_text_document(params.text_document.uri)
        lines = range(params.range.start.line, params.range.end.line + 1)
        return types.SemanticTokens(data=_tokens(ls, document, lines))


def _tokens(ls: TVMScriptServer, document: TextDocument, lines: range | None) -> list[int]:
    text_lines = document.lines  # (split once: pygls splits the text on each access)
    codec = document.position_codec

    def locate(span: Span) -> tuple[int, int, int]:
        line = span.line - 1
        if 0 <= line < len(text_lines) and text_lines[line].isascii():  # units = characters
            return line, max(span.column - 1, 0), span.end_column - span.column
        rng = span_to_range(codec, text_lines, span)
        return rng.start.line, rng.start.character, rng.end.character - rng.start.character

    return encode(ls.analysis(document).symbols, locate, lines)
