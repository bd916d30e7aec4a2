"""``textDocument/signatureHelp`` for ``T.*``/``I.*``/``R.*`` calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from tvmscript_server.guard import never_crash
from tvmscript_server.signature_help import SignatureAt, signature_at

if TYPE_CHECKING:
    from tvmscript_server.server import TVMScriptServer


def register(server: TVMScriptServer) -> None:
    """Answer signature help with `signature_at`."""
    options = types.SignatureHelpOptions(trigger_characters=["(", ","], retrigger_characters=[","])

    @server.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP, options)
    @never_crash
    def signature_help(
        ls: TVMScriptServer, params: types.SignatureHelpParams
    ) -> types.SignatureHelp | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        position = document.position_from_client_units(params.position)
        found = signature_at(document.source, position.line, position.character, ls.stub_index)
        return None if found is None else to_lsp(found)


def to_lsp(found: SignatureAt) -> types.SignatureHelp:
    """The LSP answer: one signature, its parameters with their docs, the active one."""
    member = found.member
    parameters = [
        types.ParameterInformation(
            label=param.text,
            documentation=(
                types.MarkupContent(kind=types.MarkupKind.Markdown, value=doc)
                if (doc := found.param_docs.get(param.name))
                else None
            ),
        )
        for param in member.params
    ]
    summary = member.doc.split("\n\n", 1)[0]
    signature = types.SignatureInformation(
        label=member.signature,
        documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=summary)
        if summary
        else None,
        parameters=parameters,
        active_parameter=found.active,
    )
    return types.SignatureHelp(
        signatures=[signature], active_signature=0, active_parameter=found.active
    )
