"""The language server: document sync and diagnostics here, each other feature in `features/`."""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from tvmscript import Diagnostic
from tvmscript_server import __version__
from tvmscript_server.diagnostics import DiagnosticsScheduler, Snapshot, to_lsp_diagnostics
from tvmscript_server.features import register_all
from tvmscript_server.guard import never_crash

logger = logging.getLogger(__name__)


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


def create_server() -> TVMScriptServer:
    """A server with every feature registered."""
    server = TVMScriptServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @never_crash
    def did_open(ls: TVMScriptServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.diagnostics.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @never_crash
    def did_change(ls: TVMScriptServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.diagnostics.schedule(params.text_document.uri)  # debounced; drops stale versions

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @never_crash
    def did_close(ls: TVMScriptServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.cancel(uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    register_all(server)
    return server
