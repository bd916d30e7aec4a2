"""Diagnostics: `check_source`'s findings plus build-time warnings, as LSP diagnostics.

Pushed (``textDocument/publishDiagnostics``, debounced per URI) or pulled
(``textDocument/diagnostic``): both go through `DiagnosticsScheduler.analyse`, which reads the
server's `Analyses` (an `IncrementalAnalyser` per URI): one parse of each changed definition
gives its diagnostics, build warnings and symbols, which the other features read too.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeAlias

from lsprotocol import types
from pygls.workspace import PositionCodec

from tvmscript_server.ranges import span_to_range

if TYPE_CHECKING:
    from tvmscript import Diagnostic
    from tvmscript_server.document_analyses import Analyses

logger = logging.getLogger(__name__)

# The wait only has to outlast the reading of changes sent together (a paste, multi-cursor
# edits: the messages already buffered are read before the analysis starts); a keystroke's
# latency counts it, and a changed definition is re-analysed in a few milliseconds.
DEBOUNCE_SECONDS: Final = 0.004
_PULL_RETRIES: Final = 5
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


Reader: TypeAlias = Callable[[str], Snapshot | None]
Publisher: TypeAlias = "Callable[[Snapshot, list[Diagnostic]], None]"


class DiagnosticsScheduler:
    """Analyses documents off the event loop: pushed after a debounce, or pulled on request.

    Each URI's analysis is kept (the server's `Analyses`): unchanged definitions are not
    analysed again.

    A newer change cancels the pending wait; results for a version that is no longer current
    are dropped (their document changed while they were computed).
    """

    def __init__(
        self,
        read: Reader,
        publish: Publisher,
        analyses: Analyses,
        delay: float = DEBOUNCE_SECONDS,
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
