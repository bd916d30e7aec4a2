"""Published diagnostics: our `tvmscript.Diagnostic` as LSP diagnostics, debounced per URI."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from lsprotocol import types
from pygls.workspace import PositionCodec

from tvmscript import Diagnostic
from tvmscript.script.parser.incremental import IncrementalChecker
from tvmscript_server.ranges import span_to_range

logger = logging.getLogger(__name__)

DEBOUNCE_SECONDS: Final = 0.03
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


Reader = Callable[[str], Snapshot | None]
Publisher = Callable[[Snapshot, list[Diagnostic]], None]


class DiagnosticsScheduler:
    """Runs `check_source` a short while after the last change of a URI, off the event loop.

    Each URI keeps an `IncrementalChecker`: unchanged definitions are not analysed again.

    A newer change cancels the pending wait; results for a version that is no longer current
    are dropped (their document changed while they were computed).
    """

    def __init__(self, read: Reader, publish: Publisher, delay: float = DEBOUNCE_SECONDS) -> None:
        self._read = read
        self._publish = publish
        self._delay = delay
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._checkers: dict[str, IncrementalChecker] = {}

    def schedule(self, uri: str) -> None:
        """Analyse ``uri`` once no change has come for the debounce delay."""
        if (task := self._pending.get(uri)) is not None:
            task.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._run(uri))

    def cancel(self, uri: str) -> None:
        """Forget ``uri`` (closed)."""
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self._checkers.pop(uri, None)

    def _checker(self, snapshot: Snapshot) -> IncrementalChecker:
        checker = self._checkers.get(snapshot.uri)
        if checker is None or checker.filename != snapshot.path:
            checker = self._checkers[snapshot.uri] = IncrementalChecker(snapshot.path)
        return checker

    async def _run(self, uri: str) -> None:
        try:
            await asyncio.sleep(self._delay)
            if (snapshot := self._read(uri)) is None:
                return
            found = await asyncio.to_thread(self._checker(snapshot).check, snapshot.text)
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
