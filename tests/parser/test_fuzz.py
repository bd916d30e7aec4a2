"""Random mutations of corpus files never make `check_source` raise or stall."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from conftest import corpus_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tvmscript import check_source
from tvmscript.diagnostics import Diagnostic

TEXTS = [p.text for p in corpus_rows("tir")]
RELAX_TEXTS = [p.text for p in corpus_rows("relax")]
_TOKEN = re.compile(r"\w+|[^\w\s]")
_IDENTS = [
    "T",
    "A",
    "i",
    "vi",
    "T.sblock",
    "range",
    "x",
    "None",
    "lambda",
    "T.axis",
    "0",
    "(",
    ")",
    ":",
    "[",
    "]",
    "=",
    "with",
    "for",
    "if",
    "else",
    "return",
    "try",
    "yield",
    '"s"',
    "1.5",
    "T.float32",
    "T.grid",
    "class",
    "def",
    "@T.prim_func",
    "\t",
    "é",
]
_RELAX_IDENTS = [
    *_IDENTS,
    "R",
    "R.add",
    "R.Tensor",
    "R.Tuple",
    "R.dataflow",
    "R.output",
    "R.function",
    "R.const",
    "R.call_tir",
    "R.match_cast",
    "R.shape",
    "R.prim_value",
    "cls",
    "lv",
    '"float32"',
    ",",
    "-1",
    "...",
]


def _delete_token(text: str, k: int) -> str:
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return text
    m = tokens[k % len(tokens)]
    return text[: m.start()] + text[m.end() :]


def _replace_token(text: str, k: int, word: str) -> str:
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return text
    m = tokens[k % len(tokens)]
    return text[: m.start()] + word + text[m.end() :]


def _swap_lines(text: str, a: int, b: int) -> str:
    lines = text.split("\n")
    i, j = a % len(lines), b % len(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _truncate(text: str, k: int) -> str:
    return text[: k % (len(text) + 1)]


@st.composite
def mutated(draw: st.DrawFn, texts: list[str] = TEXTS, idents: list[str] = _IDENTS) -> str:
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "replace", "swap", "truncate", "insert"]))
        k = draw(st.integers(0, 10**6))
        if kind == "delete":
            text = _delete_token(text, k)
        elif kind == "replace":
            text = _replace_token(text, k, draw(st.sampled_from(idents)))
        elif kind == "swap":
            text = _swap_lines(text, k, draw(st.integers(0, 10**6)))
        elif kind == "truncate":
            text = _truncate(text, k)
        else:
            pos = k % (len(text) + 1)
            text = text[:pos] + draw(st.text(max_size=5)) + text[pos:]
    return text


def _fuzzing(examples: int) -> Any:
    """Hypothesis settings of a mutation run: ``examples`` reproducible cases, no deadline."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.requires_corpus
@_fuzzing(2000)
@given(mutated())
def test_check_source_survives_mutations(text: str) -> None:
    _survives(text)


@pytest.mark.requires_corpus
@_fuzzing(1500)
@given(mutated(RELAX_TEXTS, _RELAX_IDENTS))
def test_check_source_survives_mutations_of_relax(text: str) -> None:
    _survives(text)


def _survives(text: str) -> None:
    start = time.perf_counter()
    diagnostics = check_source(text, "mutated.py")
    elapsed = time.perf_counter() - start
    assert isinstance(diagnostics, list)
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    assert all(d.code != "internal-error" for d in diagnostics), diagnostics
    assert elapsed < 1.0
