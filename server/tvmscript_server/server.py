"""The language server: document sync and diagnostics here, each other feature in `features/`.

Diagnostics are pulled (``textDocument/diagnostic``) by clients that declare the
``textDocument.diagnostic`` capability, and pushed (with the document version) to the others:
never both.

The server holds the state every feature shares: the analysis of each open document
(`analyses`) and the namespace members of the stubs (`stub_index`). Features read them here and
hand them to their pure functions.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Final

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from tvmscript_server import __version__
from tvmscript_server.diagnostics import DiagnosticsScheduler, Snapshot, to_lsp_diagnostics
from tvmscript_server.document_analyses import Analyses
from tvmscript_server.features import register_all
from tvmscript_server.guard import never_crash
from tvmscript_server.options import ServerOptions, parse_options
from tvmscript_server.stub_index import StubIndex

if TYPE_CHECKING:
    from tvmscript import Diagnostic
    from tvmscript.analysis import Analysis

logger = logging.getLogger(__name__)


class TVMScriptServer(LanguageServer):
    """A pygls server with the documents' analyses, the stub index and the diagnostics scheduler."""

    def __init__(self) -> None:
        super().__init__(
            "tvmscript",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.analyses = Analyses()
        """The analysis of each open document (every feature reads the same one)."""
        self.stub_index = StubIndex()
        """The namespace members of ``T``, ``I`` and ``R`` (completion, signature help)."""
        self.diagnostics = DiagnosticsScheduler(self.snapshot, self.publish, self.analyses)
        self.options = ServerOptions()
        """The client's ``initializationOptions`` (see `tvmscript_server.options`)."""

    def configure(self, raw: object) -> None:
        """Take the client's ``initializationOptions`` (a wrong value is logged and ignored)."""
        self.options, problems = parse_options(raw)
        if self.options.target is not None:
            from tvmscript.analysis.build_check import set_default_target

            try:
                set_default_target(self.options.target)
            except ValueError as exc:
                problems.append(f"initializationOptions.target: {exc}")
        for problem in problems:
            self.log(f"tvmscript: {problem} (ignored)", types.MessageType.Warning)

    def analysis(self, document: TextDocument) -> Analysis:
        """The analysis of the current text of ``document`` (made once per version).

        A document that is not open (``tvmscript.showIR`` may name any file) is analysed
        afresh and not kept.
        """
        text, path = document.source, document.path or document.uri
        if document.uri not in self.workspace.text_documents:
            from tvmscript.analysis import analyse_source

            return analyse_source(text, path)
        return self.analyses.analyse(document.uri, text, path)

    @property
    def pulls_diagnostics(self) -> bool:
        """Whether the client asks for diagnostics itself (then none are pushed)."""
        text_document = self.client_capabilities.text_document
        return text_document is not None and text_document.diagnostic is not None

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
                diagnostics=to_lsp_diagnostics(
                    [d for d in found if self.options.keeps(d)], snapshot.text, codec
                ),
            )
        )

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A ``window/logMessage`` to the client."""
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


async def pull_report(
    ls: TVMScriptServer, params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    """The full report of the current version, or "unchanged" when the client has it already."""
    uri = params.text_document.uri
    snapshot = ls.snapshot(uri)
    if snapshot is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == snapshot.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=snapshot.result_id)
    pulled = await ls.diagnostics.pull(uri)
    if pulled is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    snapshot, found = pulled
    kept = [d for d in found if ls.options.keeps(d)]
    items = to_lsp_diagnostics(kept, snapshot.text, ls.workspace.position_codec)
    return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=snapshot.result_id)


# A message of each kind the first requests answer with: cattrs writes (and compiles) the code
# converting a type on its first use, which would otherwise be that first answer's cost.
_SAMPLE_POSITION: Final = types.Position(line=0, character=0)
_SAMPLE_RANGE: Final = types.Range(start=_SAMPLE_POSITION, end=_SAMPLE_POSITION)
_SAMPLES: Final = (
    types.PublishDiagnosticsParams(
        uri="file:///", diagnostics=[types.Diagnostic(range=_SAMPLE_RANGE, message="")], version=1
    ),
    types.CompletionList(
        is_incomplete=False,
        items=[types.CompletionItem(label="x", kind=types.CompletionItemKind.Function)],
    ),
    types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="")),
    types.SemanticTokens(data=[0]),
    [types.TextEdit(range=_SAMPLE_RANGE, new_text="")],
    [types.InlayHint(position=_SAMPLE_POSITION, label="")],
    [types.CodeAction(title="")],
)
_SAMPLE_PARAMS: Final = (
    (
        {"textDocument": {"uri": "file:///", "version": 2}, "contentChanges": [{"text": ""}]},
        types.DidChangeTextDocumentParams,
    ),
    ({"textDocument": {"uri": "file:///"}, "position": _SAMPLE_POSITION}, types.CompletionParams),
    ({"textDocument": {"uri": "file:///"}, "position": _SAMPLE_POSITION}, types.HoverParams),
)


def warm_up(server: TVMScriptServer) -> None:
    """Load what the first requests need (the analysis, the printer, the stubs' members).

    Started once the client has its ``initialize`` answer: nothing of it is on that answer's
    path, and the first ``didOpen`` usually finds the parser loaded.
    """
    converter = server.protocol._converter  # pygls' (no public accessor)
    for sample in _SAMPLES:
        converter.unstructure(sample)
    for raw, kind in _SAMPLE_PARAMS:
        converter.structure(converter.unstructure(raw), kind)
    import tvmscript.analysis
    import tvmscript.script.printer  # noqa: F401  (hover and showIR print)

    server.stub_index.warm()


def create_server() -> TVMScriptServer:
    """A server with every feature registered."""
    server = TVMScriptServer()

    @server.feature(types.INITIALIZE)
    @never_crash
    def initialize(ls: TVMScriptServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    @never_crash
    def initialized(ls: TVMScriptServer, params: types.InitializedParams) -> None:
        warm = threading.Thread(target=never_crash(warm_up), args=(ls,), name="warm-up")
        warm.daemon = True
        warm.start()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @never_crash
    def did_open(ls: TVMScriptServer, params: types.DidOpenTextDocumentParams) -> None:
        if not ls.pulls_diagnostics:
            ls.diagnostics.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @never_crash
    def did_change(ls: TVMScriptServer, params: types.DidChangeTextDocumentParams) -> None:
        if not ls.pulls_diagnostics:
            ls.diagnostics.schedule(params.text_document.uri)  # debounced; drops stale versions

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @never_crash
    def did_close(ls: TVMScriptServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.cancel(uri)
        if not ls.pulls_diagnostics:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(inter_file_dependencies=False, workspace_diagnostics=False),
    )
    async def diagnostic(
        ls: TVMScriptServer, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        try:
            return await pull_report(ls, params)
        except Exception:
            logger.exception("textDocument/diagnostic failed")
            return types.RelatedFullDocumentDiagnosticReport(items=[])

    register_all(server)
    return server
