"""``textDocument/codeAction``: verified quick fixes (see `tvmscript_server.quickfix`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import ServerTextPosition, ServerTextRange, TextDocument

from tvmscript_server.guard import never_crash
from tvmscript_server.quickfix import Edit, Fix, match_buffer_fix, suggestion_fix

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

_KINDS = [types.CodeActionKind.QuickFix]


def register(server: TVMScriptServer) -> None:
    """Quick fixes for "did you mean" diagnostics and handle + match_buffer parameters."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=_KINDS)
    )
    @never_crash
    def code_action(
        ls: TVMScriptServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        text = document.source
        if not _wants(wanted, types.CodeActionKind.QuickFix):
            return actions
        for diagnostic in params.context.diagnostics:
            if "did you mean" not in diagnostic.message:
                continue
            r = document.range_from_client_units(diagnostic.range)
            fix = suggestion_fix(
                text, diagnostic.message, r.start.line, r.start.character,
                r.end.line, r.end.character,
            )  # fmt: skip
            if fix is not None:
                actions.append(_action(document, uri, fix, [diagnostic], preferred=True))
        seen: set[str] = set()
        first = document.range_from_client_units(params.range)
        for line in range(first.start.line, min(first.end.line, first.start.line + 50) + 1):
            fix = match_buffer_fix(text, line)
            if fix is not None and fix.title not in seen:
                seen.add(fix.title)
                actions.append(_action(document, uri, fix, [], preferred=False))
        return actions


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def _action(
    document: TextDocument,
    uri: str,
    fix: Fix,
    diagnostics: list[types.Diagnostic],
    preferred: bool,
) -> types.CodeAction:
    edits = [types.TextEdit(range=_range(document, e), new_text=e.text) for e in fix.edits]
    return types.CodeAction(
        title=fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics or None,
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _range(document: TextDocument, edit: Edit) -> types.Range:
    server = ServerTextRange(
        ServerTextPosition(edit.line, edit.column),
        ServerTextPosition(edit.end_line, edit.end_column),
    )
    return document.range_to_client_units(server)
