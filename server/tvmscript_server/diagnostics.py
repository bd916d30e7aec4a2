"""Diagnostics: `check_source`'s findings plus build-time warnings, as LSP diagnostics.

Pushed (``textDocument/publishDiagnostics``, debounced per URI) or pulled
(``textDocument/diagnostic``): both go through `DiagnosticsScheduler.analyse`, which keeps an
`IncrementalChecker` and a cache of build warnings per URI.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from lsprotocol import types
from pygls.workspace import PositionCodec

from tvmscript import Diagnostic, DiagnosticError, from_source
from tvmscript.analysis.build_check import build_diagnostics
from tvmscript.script.parser.incremental import IncrementalChecker
from tvmscript_server.definitions import definition_source
from tvmscript_server.outline import outline
from tvmscript_server.ranges import span_to_range

logger = logging.getLogger(__name__)

DEBOUNCE_SECONDS: Final = 0.03
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


Reader = Callable[[str], Snapshot | None]
Publisher = Callable[[Snapshot, list[Diagnostic]], None]


class BuildWarnings:
    """`build_diagnostics` of each definition without errors, cached on its text and prelude."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Diagnostic, ...]] = {}

    def find(self, text: str, filename: str, found: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Warnings of the definitions of ``text`` that ``found`` has no error in."""
        errors = [d.line for d in found if d.severity == "error"]
        layout = outline(text)
        warnings: list[Diagnostic] = []
        cache: dict[str, tuple[Diagnostic, ...]] = {}
        for definition in layout.definitions:
            if any(definition.start < line <= definition.end for line in errors):
                continue  # 1-based error lines inside the definition's 0-based [start, end)
            source, first = definition_source(layout, definition)
            if (hit := self._cache.get(source)) is None:
                hit = _build_warnings(source)
            cache[source] = hit
            shift = definition.start - first
            warnings.extend(
                replace(d, file=filename, line=d.line + shift, end_line=d.end_line + shift)
                for d in hit
            )
        self._cache = cache
        return warnings


def _build_warnings(source: str) -> tuple[Diagnostic, ...]:
    try:
        ir = from_source(source)
    except DiagnosticError:
        return ()  # not alone (it uses another definition) or not TIR: nothing to add
    return tuple(build_diagnostics(ir, source))


@dataclass
class _Document:
    """What is kept per URI between analyses."""

    checker: IncrementalChecker
    build: BuildWarnings = field(default_factory=BuildWarnings)
    lock: threading.Lock = field(default_factory=threading.Lock)


class DiagnosticsScheduler:
    """Analyses documents off the event loop: pushed after a debounce, or pulled on request.

    Each URI keeps an `IncrementalChecker`: unchanged definitions are not analysed again.

    A newer change cancels the pending wait; results for a version that is no longer current
    are dropped (their document changed while they were computed).
    """

    def __init__(self, read: Reader, publish: Publisher, delay: float = DEBOUNCE_SECONDS) -> None:
        self._read = read
        self._publish = publish
        self._delay = delay
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._documents: dict[str, _Document] = {}

    def schedule(self, uri: str) -> None:
        """Analyse ``uri`` and publish, once no change has come for the debounce delay."""
        if (task := self._pending.get(uri)) is not None:
            task.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._run(uri))

    def cancel(self, uri: str) -> None:
        """Forget ``uri`` (closed)."""
        if (task := self._pending.pop(uri, None)) is not None:
            task.cancel()
        self._documents.pop(uri, None)

    def analyse(self, snapshot: Snapshot) -> list[Diagnostic]:
        """Errors and build warnings of ``snapshot`` (blocking: run it in a thread)."""
        document = self._documents.get(snapshot.uri)
        if document is None or document.checker.filename != snapshot.path:
            document = _Document(IncrementalChecker(snapshot.path))
            self._documents[snapshot.uri] = document
        with document.lock:
            found = document.checker.check(snapshot.text)
            warnings = document.build.find(snapshot.text, snapshot.path, found)
        if not warnings:
            return found
        return sorted([*found, *warnings], key=lambda d: (d.line, d.column))

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
