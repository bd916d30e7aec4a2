"""``textDocument/foldingRange``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from lsprotocol import types

from tvmscript_server.folding import folding_ranges
from tvmscript_server.guard import never_crash

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

_KINDS: Final = {
    "region": types.FoldingRangeKind.Region,
    "comment": types.FoldingRangeKind.Comment,
    "imports": types.FoldingRangeKind.Imports,
}


def register(server: TVMScriptServer) -> None:
    """Folding ranges of `folding_ranges`."""

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @never_crash
    def folding_range(
        ls: TVMScriptServer, params: types.FoldingRangeParams
    ) -> list[types.FoldingRange] | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return [
            types.FoldingRange(start_line=f.start, end_line=f.end, kind=_KINDS[f.kind])
            for f in folding_ranges(document.source)
        ]
