"""Shared test helpers: the reference corpus and inline TVMScript snippets."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
CORPUS_DIR: Final = (REPO_ROOT.parent / "shared" / "corpus" / "public").resolve()

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
    """Corpus programs: ``"tir"`` (no ``@R.function``), ``"relax"`` or ``"all"``."""
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
