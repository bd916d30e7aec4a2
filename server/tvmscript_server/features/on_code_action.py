"""``textDocument/codeAction``: quick fixes, and "Rewrite as TVM prints it".

Quick fixes are verified (see `tvmscript_server.quickfix`); the rewrite replaces the definition
under the cursor by TVM's printed form (as ``tvmscript fmt --canonical``).

The rewrite costs a parse, a print and a re-parse: a client that resolves code actions gets it
without its edit, made on ``codeAction/resolve`` when chosen; others get it made at once, or
disabled with the reason when the definition cannot be rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from lsprotocol import types
from pygls.workspace import ServerTextPosition, ServerTextRange, TextDocument

from tvmscript.script.outline import TopLevel, outline
from tvmscript_server.features.on_formatting import text_edits
from tvmscript_server.guard import never_crash
from tvmscript_server.quickfix import (
    Edit,
    Fix,
    cls_binding_fix,
    match_buffer_fix,
    s_tir_fix,
    suggestion_fix,
)

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

_KINDS: Final = [types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
REWRITE_TITLE: Final = "Rewrite as TVM prints it"


def register(server: TVMScriptServer) -> None:
    """Quick fixes, and the rewrite of a definition into TVM's printed form."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=_KINDS, resolve_provider=True),
    )
    @never_crash
    def code_action(
        ls: TVMScriptServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        if _wants(wanted, types.CodeActionKind.QuickFix):
            actions += _quick_fixes(document, uri, params)
        if _wants(wanted, types.CodeActionKind.RefactorRewrite):
            first = document.range_from_client_units(params.range)
            definition = outline(document.source).definition_at(first.start.line)
            if definition is not None:
                actions.append(_rewrite_action(ls, document, definition, _resolves(ls)))
        return actions

    @server.feature(types.CODE_ACTION_RESOLVE)
    @never_crash
    def resolve(ls: TVMScriptServer, action: types.CodeAction) -> types.CodeAction:
        data: Any = action.data
        if action.edit is not None or not isinstance(data, dict) or "uri" not in data:
            return action
        document = ls.workspace.get_text_document(str(data["uri"]))
        if document.version != data.get("version"):
            ls.log("tvmscript: the document changed; ask for the rewrite again")
            return action
        definition = outline(document.source).definition_at(int(data.get("line", -1)))
        if definition is None:
            return action
        result = _rewrite(document, definition)
        if isinstance(result, str):
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Warning, message=result)
            )
            return action
        action.edit = result
        return action


def _quick_fixes(
    document: TextDocument, uri: str, params: types.CodeActionParams
) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    text = document.source
    for diagnostic in params.context.diagnostics:
        if diagnostic.code == "missing-cls-binding":
            start = document.range_from_client_units(diagnostic.range).start
            cls_fix = cls_binding_fix(text, diagnostic.message, start.line)
            if cls_fix is not None:
                actions.append(_action(document, uri, cls_fix, [diagnostic], preferred=True))
            continue
        if diagnostic.code == "missing-s-tir":
            r = document.range_from_client_units(diagnostic.range)
            s_tir = s_tir_fix(text, r.start.line, r.start.character, r.end.line, r.end.character)
            if s_tir is not None:
                actions.append(_action(document, uri, s_tir, [diagnostic], preferred=True))
            continue
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


def _resolves(ls: TVMScriptServer) -> bool:
    """Whether the client fills in an action's edit with ``codeAction/resolve``."""
    text_document = ls.client_capabilities.text_document
    code_action = text_document.code_action if text_document is not None else None
    support = code_action.resolve_support if code_action is not None else None
    return support is not None and "edit" in support.properties


def _rewrite_action(
    ls: TVMScriptServer, document: TextDocument, definition: TopLevel, lazy: bool
) -> types.CodeAction:
    name = definition.symbol.name
    action = types.CodeAction(
        title=f"{REWRITE_TITLE} ('{name}')", kind=types.CodeActionKind.RefactorRewrite
    )
    if lazy:
        action.data = {"uri": document.uri, "version": document.version, "line": definition.start}
        return action
    result = _rewrite(document, definition)
    if isinstance(result, str):
        action.disabled = types.CodeActionDisabled(reason=result)
    else:
        action.edit = result
    return action


def _rewrite(document: TextDocument, definition: TopLevel) -> types.WorkspaceEdit | str:
    """The edit that rewrites ``definition`` in TVM's form, or why there is none."""
    from tvmscript.script.formatter import format_source  # the printer, on first use

    line = definition.start
    replacements, skipped = format_source(document.source, [(line, line)], canonical=True)
    if skipped:
        return f"'{skipped[0].name}' cannot be rewritten: {skipped[0].reason}"
    if not replacements:
        return f"'{definition.symbol.name}' is already as TVM prints it"
    return types.WorkspaceEdit(changes={document.uri: text_edits(document, replacements)})


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
