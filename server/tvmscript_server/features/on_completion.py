"""``textDocument/completion`` (and ``completionItem/resolve`` for the documentation)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from lsprotocol import types

from tvmscript_server.completion import Item, complete
from tvmscript_server.guard import never_crash

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer

_KINDS: Final = {
    "function": types.CompletionItemKind.Function,
    "class": types.CompletionItemKind.Class,
    "module": types.CompletionItemKind.Module,
    "method": types.CompletionItemKind.Method,
    "variable": types.CompletionItemKind.Variable,
}


def register(server: TVMScriptServer) -> None:
    """Answer completions with `complete` (the server reads the stubs once initialized)."""
    options = types.CompletionOptions(trigger_characters=["."], resolve_provider=True)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, options)
    @never_crash
    def completion(ls: TVMScriptServer, params: types.CompletionParams) -> types.CompletionList:
        document = ls.workspace.get_text_document(params.text_document.uri)
        position = document.position_from_client_units(params.position)
        items = complete(
            document.source,
            position.line,
            position.character,
            ls.stub_index,
            snippets=_client_snippets(ls),
            analysis=lambda: ls.analysis(document),
        )
        return types.CompletionList(is_incomplete=False, items=lsp_items(items))

    @server.feature(types.COMPLETION_ITEM_RESOLVE)
    @never_crash
    def resolve(ls: TVMScriptServer, item: types.CompletionItem) -> types.CompletionItem:
        data: Any = item.data
        if not (
            isinstance(data, list) and len(data) >= 1 and all(isinstance(d, str) for d in data)
        ):
            return item
        member = ls.stub_index.member(data[0], (*data[1:], item.label))
        if member is not None and member.doc:
            item.documentation = types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=member.doc
            )
        return item


def _client_snippets(ls: TVMScriptServer) -> bool:
    capabilities = ls.client_capabilities.text_document
    completion = capabilities.completion if capabilities is not None else None
    item = completion.completion_item if completion is not None else None
    return bool(item is not None and item.snippet_support)


@lru_cache(maxsize=32)
def lsp_items(items: tuple[Item, ...]) -> list[types.CompletionItem]:
    """The LSP items (cached: a namespace's items are the same tuple for every request)."""
    return [_lsp_item(item) for item in items]


def _lsp_item(item: Item) -> types.CompletionItem:
    # Namespace members carry no documentation here: `completionItem/resolve` adds it (a
    # list of every member with its docstring is several times larger to send).
    return types.CompletionItem(
        label=item.label,
        kind=_KINDS.get(item.kind, types.CompletionItemKind.Variable),
        detail=item.detail or None,
        documentation=(
            types.MarkupContent(kind=types.MarkupKind.Markdown, value=item.doc)
            if item.doc and not item.namespace
            else None
        ),
        data=list(item.namespace) or None,
        sort_text=item.sort,
        insert_text=item.insert,
        insert_text_format=(
            types.InsertTextFormat.Snippet if item.snippet else types.InsertTextFormat.PlainText
        ),
    )
