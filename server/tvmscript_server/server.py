"""The language server: wires LSP requests to the pure features (`hover_at`, ...)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from tvmscript import Diagnostic
from tvmscript_server import __version__
from tvmscript_server.diagnostics import DiagnosticsScheduler, Snapshot, to_lsp_diagnostics
from tvmscript_server.formatting import format_source
from tvmscript_server.hover import hover_at

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class TVMScriptServer(LanguageServer):
    """A pygls server with the per-URI diagnostics scheduler."""

    def __init__(self) -> None:
        super().__init__("tvmscript", __version__)
        self.diagnostics = DiagnosticsScheduler(self.snapshot, self.publish)

    def snapshot(self, uri: str) -> Snapshot | None:
        """The current text and version of an open document."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        return Snapshot(uri, document.version, document.source, document.path or uri)

    def publish(self, snapshot: Snapshot, found: list[Diagnostic]) -> None:
        """Send ``found`` for the analysed version of ``snapshot``."""
        codec = self.workspace.position_codec
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=snapshot.uri,
                version=snapshot.version,
                diagnostics=to_lsp_diagnostics(found, snapshot.text, codec),
            )
        )

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A ``window/logMessage`` to the client."""
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def _never_crash(handler: Callable[P, R | None]) -> Callable[P, R | None]:
    """A failing feature logs its exception and answers None."""

    @wraps(handler)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return handler(*args, **kwargs)
        except Exception:
            logger.exception("%s failed", handler.__name__)
            return None

    return guarded


def create_server() -> TVMScriptServer:
    """A server with every feature registered."""
    server = TVMScriptServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @_never_crash
    def did_open(ls: TVMScriptServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.diagnostics.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @_never_crash
    def did_change(ls: TVMScriptServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.diagnostics.schedule(params.text_document.uri)  # debounced; drops stale versions

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @_never_crash
    def did_close(ls: TVMScriptServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.cancel(uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_never_crash
    def hover(ls: TVMScriptServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        position = document.position_from_client_units(params.position)
        text = hover_at(document.source, position.line, position.character)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @_never_crash
    def formatting(
        ls: TVMScriptServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit] | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        replacements, skipped = format_source(document.source)
        for item in skipped:
            ls.log(
                f"tvmscript: not formatting '{item.name}' (line {item.line + 1}): {item.reason}",
                types.MessageType.Warning,
            )
        return [
            types.TextEdit(
                range=types.Range(
                    start=types.Position(line=r.start, character=0),
                    end=types.Position(line=r.end, character=0),
                ),
                new_text=r.text,
            )
            for r in replacements
        ]

    return server
