"""Diagnostics: `check_source`'s findings plus build-time warnings, as LSP diagnostics.

Pushed (``textDocument/publishDiagnostics``, debounced per URI) or pulled
(``textDocument/diagnostic``): both go through `DiagnosticsScheduler.analyse`, which keeps an
`IncrementalChecker` per URI (`Analyses`): one parse of each changed definition gives its
diagnostics, build warnings and symbols, which the other features read too.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from tvmscript import Diagnostic
from tvmscript.script.parser.incremental import Analysis, IncrementalChecker
from tvmscript_server.ranges import span_to_range

logger = logging.getLogger(__name__)

# Typing rarely comes faster than one key per 50 ms: 20 ms merges bursts (pastes, multi-cursor
# edits) and adds little to the answer to a single keystroke (its latency counts this wait).
DEBOUNCE_SECONDS: Final = 0.02
_PULL_RETRIES: Final = 5
_MAX_DOCUMENTS: Final = 32
_SEVERITY: Final = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def to_lsp_diagnostics(
    diagnostics: Sequence[Diagnostic], text: str, codec: PositionCodec
) -> list[types.Diagnostic]:
    """``diagnostics`` of ``text`` as LSP diagnostics (ranges in the client's units)."""
    lines = text.splitlines(True)
    return [
        types.Diagnostic(
            range=span_to_range(codec, lines, d.span),
            message=d.message,
            severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Error),
            code=d.code,
            source="tvmscript",
        )
        for d in diagnostics
    ]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One version of a document, as analysed."""

    uri: str
    version: int | None
    text: str
    path: str

    @property
    def result_id(self) -> str:
        """Names what the analysis depends on (the text and the file name): a pull's resultId."""
        digest = hashlib.blake2b(digest_size=12)
        digest.update(self.path.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


Reader = Callable[[str], Snapshot | None]
Publisher = Callable[[Snapshot, list[Diagnostic]], None]


class Analyses:
    """The analysis of each open document, per URI: one parse per changed definition.

    Diagnostics (pushed or pulled) and every other feature (hover, navigation, semantic
    tokens, completion) read the same `Analysis`: a version is analysed once, by whichever
    asks first (the others wait for it, then reuse it).
    """

    def __init__(self, limit: int = _MAX_DOCUMENTS) -> None:
        self._limit = limit
        self._documents: OrderedDict[str, _Document] = OrderedDict()
        self._lock = threading.Lock()

    def analyse(self, uri: str, text: str, path: str | None = None) -> Analysis:
        """The analysis of ``text``, the current text of ``uri`` (file name ``path``)."""
        path = path or _path(uri)
        with self._lock:
            document = self._documents.get(uri)
            if document is None or document.checker.filename != path:
                document = self._documents[uri] = _Document(IncrementalChecker(path))
                while len(self._documents) > self._limit:
                    self._documents.popitem(last=False)
            else:
                self._documents.move_to_end(uri)
        with document.lock:
            return document.checker.analyse(text)

    def forget(self, uri: str) -> None:
        """Drop what is kept for ``uri`` (closed)."""
        with self._lock:
            self._documents.pop(uri, None)


def _path(uri: str) -> str:
    """The file name diagnostics give for ``uri``, as `Snapshot.path` (pygls' path, or the URI)."""
    return to_fs_path(uri) or uri if uri else "<string>"


@dataclass
class _Document:
    """What is kept per URI between analyses."""

    checker: IncrementalChecker
    lock: threading.Lock = field(default_factory=threading.Lock)


ANALYSES: Final = Analyses()
"""The analyses of the server's documents (shared by every feature)."""


class DiagnosticsScheduler:
    """Analyses documents off the event loop: pushed after a debounce, or pulled on request.

    Each URI's analysis is kept (`Analyses`): unchanged definitions are not analysed again.

    A newer change cancels the pending wait; results for a version that is no longer current
    are dropped (their document changed while they were computed).
    """

    def __init__(
        self,
        read: Reader,
        publish: Publisher,
        delay: float = DEBOUNCE_SECONDS,
        analyses: Analyses = ANALYSES,
    ) -> None:
        self._read = read
        self._publish = publish
        self._delay = delay
        self._pending: dict[str, asyncio.Task[None]] = {}
        self.analyses = analyses

    def schedule(self, uri: str) -> None:
        """Analyse ``uri`` and publish, once no change has come for the debounce delay."""
        if (task := self._pending.get(uri)) is not None:
            task.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._run(uri))

    def cancel(self, uri: str) -> None:
        """Forget ``uri`` (closed)."""
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self.analyses.forget(uri)

    def analyse(self, snapshot: Snapshot) -> list[Diagnostic]:
        """Errors and build warnings of ``snapshot`` (blocking: run it in a thread)."""
        return self.analyses.analyse(snapshot.uri, snapshot.text, snapshot.path).all_diagnostics()

    async def pull(self, uri: str) -> tuple[Snapshot, list[Diagnostic]] | None:
        """The diagnostics of the current version of ``uri`` (None: not open).

        When the document changes during the analysis, the new version is analysed instead.
        """
        result = None
        for _ in range(_PULL_RETRIES):
            if (snapshot := self._read(uri)) is None:
                return None
            found = await asyncio.to_thread(self.analyse, snapshot)
            result = snapshot, found
            current = self._read(uri)
            if current is None or current.version == snapshot.version:
                break
        return result

    async def _run(self, uri: str) -> None:
        try:
            await asyncio.sleep(self._delay)
            if (snapshot := self._read(uri)) is None:
                return
            found = await asyncio.to_thread(self.analyse, snapshot)
            current = self._read(uri)
            if current is None or current.version != snapshot.version:
                return  # stale: a newer version is (or will be) analysed
            self._publish(snapshot, found)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("diagnostics failed for %s", uri)
        finally:
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]
