"""Shared test helpers: the reference corpus and inline TVMScript snippets.

The corpus is found through ``TVMSCRIPT_CORPUS`` (default ``../shared/corpus`` beside the repo;
its ``public/`` folder, or a folder holding ``index.jsonl`` itself). Without it, `corpus_rows` is
empty, tests parametrized over it are skipped with `CORPUS_MISSING` as the reason, and so are
tests marked ``requires_corpus`` (or asking for the `corpus_dir` fixture); the end of the run
says how many and where the corpus was looked for.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt
import pytest

REPO_ROOT: Final = Path(__file__).resolve().parent.parent


def _corpus_dir() -> Path:
    raw = os.environ.get("TVMSCRIPT_CORPUS")
    base = Path(raw).expanduser() if raw else REPO_ROOT.parent / "shared" / "corpus"
    public = base / "public"
    return (public if (public / "index.jsonl").is_file() else base).resolve()


CORPUS_DIR: Final = _corpus_dir()
HAVE_CORPUS: Final = (CORPUS_DIR / "index.jsonl").is_file()
CORPUS_MISSING: Final = (
    f"reference corpus not found at {CORPUS_DIR}: set TVMSCRIPT_CORPUS to the corpus folder "
    "(the project's shared/corpus, by default next to the repo as ../shared/corpus)"
)
requires_corpus: Final = pytest.mark.skipif(not HAVE_CORPUS, reason=CORPUS_MISSING)
"""Skip a test that reads the corpus when it is absent (``@requires_corpus``; the registered
marker ``@pytest.mark.requires_corpus`` does the same)."""
_EMPTY_PARAMETERS: Final = "got empty parameter set"
_skipped_for_corpus: list[str] = []

KindFilter = Literal["tir", "relax", "all"]


@dataclass(frozen=True, slots=True)
class CorpusProgram:
    """One program of the reference corpus (a row of ``index.jsonl``)."""

    id: str
    name: str
    kind: str
    path: Path
    text: str
    row: dict[str, Any]

    @property
    def expected_text(self) -> str:
        """TVM's print of this program: ``expected/ID.printed.py`` where it differs."""
        printed = CORPUS_DIR / "expected" / f"{self.id}.printed.py"
        return printed.read_text() if printed.exists() else self.text

    @property
    def has_relax(self) -> bool:
        """Whether the program defines a Relax function (``@R.function``)."""
        return "@R.function" in self.text

    def meta_extra_vars(self) -> dict[str, dict[str, list[npt.NDArray[Any]]]] | None:
        """The ``extra_vars`` for a program that prints ``metadata[...]``, else None."""
        meta = self.path.with_name(self.path.name.removesuffix(".py") + ".meta.npz")
        if not meta.exists():
            return None
        with np.load(meta) as archive:
            # Keys end in the constant's index (`..._0`, `..._1`, ...): sort numerically.
            keys = sorted(archive.files, key=lambda key: int(key.rsplit("_", 1)[-1]))
            consts = [np.array(archive[key]) for key in keys]
        return {"metadata": {"ir.GenericConst": consts}}


@cache
def _all_corpus_rows() -> tuple[CorpusProgram, ...]:
    if not HAVE_CORPUS:
        return ()
    programs = []
    for line in (CORPUS_DIR / "index.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        path = CORPUS_DIR / row["file"]
        programs.append(
            CorpusProgram(
                id=row["id"],
                name=row["name"],
                kind=row["kind"],
                path=path,
                text=path.read_text(),
                row=row,
            )
        )
    return tuple(programs)


def corpus_rows(kind_filter: KindFilter | str = "all") -> list[CorpusProgram]:
    """Corpus programs: ``"tir"`` (no ``@R.function``), ``"relax"`` or ``"all"``.

    Empty when the corpus is absent (a test parametrized over it is then skipped, saying why).
    """
    programs = _all_corpus_rows()
    if kind_filter == "all":
        return list(programs)
    if kind_filter == "tir":
        return [p for p in programs if not p.has_relax]
    if kind_filter == "relax":
        return [p for p in programs if p.has_relax]
    raise ValueError(f"unknown kind filter {kind_filter!r}, expected 'tir', 'relax' or 'all'")


def script(text: str) -> str:
    """Dedent an inline triple-quoted snippet, keeping its line numbers.

    The newline after the opening quotes is kept, so the snippet's first code line is line 2,
    exactly where it sits relative to the call:

        script('''
            @T.prim_func      # line 2
            def f(): ...      # line 3
        ''')
    """
    return textwrap.dedent(text)


@pytest.fixture
def corpus_dir() -> Path:
    """The corpus folder (``public/``); the test is skipped when it is absent."""
    if not HAVE_CORPUS:
        pytest.skip(CORPUS_MISSING)
    return CORPUS_DIR


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without the corpus: skip what needs it, saying where it was looked for."""
    if HAVE_CORPUS:
        return
    skip = pytest.mark.skip(reason=CORPUS_MISSING)
    for item in items:
        empty = any(
            str(mark.kwargs.get("reason", "")).startswith(_EMPTY_PARAMETERS)
            for mark in item.iter_markers(name="skip")
        )
        if empty or item.get_closest_marker("requires_corpus") is not None:
            item.add_marker(skip, append=False)
            _skipped_for_corpus.append(item.nodeid.split("::")[0])


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line saying which tests the missing corpus skipped."""
    if not _skipped_for_corpus:
        return
    modules = sorted(set(_skipped_for_corpus))
    terminalreporter.write_line(
        f"{len(_skipped_for_corpus)} corpus tests skipped in {len(modules)} modules "
        f"({', '.join(m.removeprefix('tests/') for m in modules)}): {CORPUS_MISSING}"
    )
