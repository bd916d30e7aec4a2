"""Our spans (1-based lines, 1-based character columns) to LSP ranges (0-based, client units)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import PositionCodec, ServerTextPosition, ServerTextRange, TextDocument

if TYPE_CHECKING:
    from tvmscript.core.ir.span import Span


def server_range(span: Span) -> ServerTextRange:
    """``span`` as 0-based code-point positions (clamped at the file start)."""
    start = ServerTextPosition(max(span.line - 1, 0), max(span.column - 1, 0))
    end = ServerTextPosition(max(span.end_line - 1, 0), max(span.end_column - 1, 0))
    return ServerTextRange(start, max(start, end))


def span_to_range(codec: PositionCodec, lines: Sequence[str], span: Span) -> types.Range:
    """``span`` in the client's units for a text split as ``lines`` (``splitlines(True)``)."""
    return codec.range_to_client_units(lines, server_range(span))


def to_lsp_range(document: TextDocument, span: Span) -> types.Range:
    """Spans count characters (code points); the client may count UTF-16 units."""
    return document.range_to_client_units(server_range(span))
