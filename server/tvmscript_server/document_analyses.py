"""The analysis of each open document: one `IncrementalAnalyser` per URI, kept by the server.

Diagnostics (pushed or pulled) and every other feature (hover, navigation, semantic tokens,
completion, inlay hints, ``tvmscript.showIR``) read the same `Analysis` of a version: one
parse of each changed definition gives its diagnostics, build warnings, IR and symbols.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from pygls.uris import to_fs_path

if TYPE_CHECKING:
    from tvmscript.analysis import Analysis, IncrementalAnalyser

_MAX_DOCUMENTS: Final = 32


class Analyses:
    """The analysis of each open document, per URI: one parse per changed definition.

    A version is analysed once, by whichever feature asks first (the others wait for it, then
    reuse it).
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
            if document is None or document.analyser.filename != path:
                from tvmscript.analysis import IncrementalAnalyser  # the parser, on first use

                document = self._documents[uri] = _Document(IncrementalAnalyser(path))
                while len(self._documents) > self._limit:
                    self._documents.popitem(last=False)
            else:
                self._documents.move_to_end(uri)
        with document.lock:
            return document.analyser.analyse(text)

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

    analyser: IncrementalAnalyser
    lock: threading.Lock = field(default_factory=threading.Lock)
