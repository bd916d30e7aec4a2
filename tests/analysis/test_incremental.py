"""`IncrementalAnalyser` gives exactly a fresh analysis through random edits.

Diagnostics equal `check_source`'s, symbols `index_source`'s, build warnings those of every
definition `parse_file` built without errors.
"""

from __future__ import annotations

import random
import re

import pytest
from conftest import CORPUS_MISSING, HAVE_CORPUS, corpus_rows, script

from tvmscript import Diagnostic, check_source
from tvmscript.analysis import IncrementalAnalyser, build_diagnostics, index_source
from tvmscript.script.parser import api

_HEADER = "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n"
_MACRO = script(
    """
    @T.macro
    def bump(x):
        x[0] = x[0] + N
    """
)
_UNBOUND = script(
    """
    @T.prim_func
    def unbound(A: T.Buffer((8,), "float32")):
        n = T.int32()
        for i in T.thread_binding(n, thread="threadIdx.x"):
            A[0] = A[0] + T.float32(1)
    """
)


def _corpus_file(count: int, seed: int) -> str:
    if not HAVE_CORPUS:
        pytest.skip(CORPUS_MISSING)
    rng = random.Random(seed)
    rows = [p for p in corpus_rows("tir") if p.kind in ("tir_te", "tir_scheduled")]
    out = [_HEADER, "N = 4\n"]
    for program in rng.sample(rows, min(count, len(rows))):
        body = [line for line in program.text.splitlines() if not line.startswith("# from ")]
        text = "\n".join(body)
        out.append(re.sub(r"^class Module:", f"class Module_{program.id}:", text, flags=re.M))
    return "\n\n".join(out) + "\n"


def _edit(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    line = lines[i]
    match rng.randrange(9):
        case 0:  # one character less
            if line:
                j = rng.randrange(len(line))
                lines[i] = line[:j] + line[j + 1 :]
        case 1:  # one character more
            j = rng.randrange(len(line) + 1)
            lines[i] = line[:j] + rng.choice("x_ (:1T.") + line[j:]
        case 2:  # blank or comment lines above whatever follows
            lines[i:i] = rng.choice([[""], ["# note"], ["", ""]])
        case 3:  # lines removed
            del lines[i : i + rng.randrange(1, 3)]
        case 4:  # a module constant changes or appears
            lines.insert(rng.choice([2, i]), f"N = {rng.choice([2, 4, 'T.int32', 'bad('])}")
        case 5:  # a statement inside a function body duplicated
            if line.startswith("        "):
                lines.insert(i, line)
        case 6:  # a macro that uses a constant
            lines[i:i] = _MACRO.split("\n")
        case 7:  # a buffer name broken, or a definition with build warnings
            lines[i : i + 1] = rng.choice(
                [
                    [re.sub(r"\b([A-Z])\b(?=\[)", r"\1q", line, count=1)],
                    ["", *_UNBOUND.replace("unbound", f"unbound_{i}").split("\n"), line],
                ]
            )
        case _:  # an import appears or disappears
            if line.startswith("from tvm"):
                del lines[i]
            else:
                lines.insert(0, "from tvm.script import tir as T")
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_equal_check_source(seed: int) -> None:
    rng = random.Random(seed)
    text = _corpus_file(12, seed)
    checker = IncrementalAnalyser("k.py")
    assert checker.check(text) == check_source(text, "k.py")
    for _ in range(25):
        text = _edit(text, rng)
        assert checker.check(text) == check_source(text, "k.py")


def _build_warnings(text: str) -> list[Diagnostic]:
    definitions, _ = api.parse_file(text, "k.py")
    found = [
        w
        for d in definitions
        if d.result is not None
        for w in build_diagnostics(d.result, text, "k.py")
    ]
    return sorted(found, key=lambda d: (d.line, d.column))


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_equal_a_fresh_analysis(seed: int) -> None:
    rng = random.Random(100 + seed)
    text = _corpus_file(10, seed) + "\n" + _UNBOUND
    checker = IncrementalAnalyser("k.py")
    warned = 0
    for step in range(26):
        if step:
            text = _edit(text, rng)
        analysis = checker.analyse(text)
        assert list(analysis.diagnostics) == check_source(text, "k.py")
        assert analysis.symbols.symbols == index_source(text, "k.py").symbols
        assert list(analysis.warnings) == _build_warnings(text)
        warned += bool(analysis.warnings)
    assert warned  # the property saw build warnings


def test_an_edit_parses_only_the_edited_definition() -> None:
    text = _corpus_file(8, 3) + "\n" + _UNBOUND
    checker = IncrementalAnalyser("k.py")
    first = checker.analyse(text)
    assert first.parsed == 9
    assert checker.analyse(text) is first  # the same version: nothing redone
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "for i in T.thread_binding(n" in line)
    lines.insert(at, "        # note")
    lines.insert(3, "# above everything")
    edited = "\n".join(lines)
    again = checker.analyse(edited)
    assert again.parsed == 1
    assert [w.line for w in again.warnings] == [w.line + 2 for w in first.warnings]
    assert [s.span for s in again.symbols.symbols if s.name == "unbound"] != []


def test_lines_inserted_above_a_definition_shift_its_diagnostics() -> None:
    text = _corpus_file(4, 0)
    broken = text.replace("T.Buffer(", "T.Bufferr(", 1)
    checker = IncrementalAnalyser()
    first = checker.check(broken)
    assert first
    assert first == check_source(broken)
    moved = broken.replace("N = 4\n", "N = 4\n\n# comment\n\n", 1)
    again = checker.check(moved)
    assert again == check_source(moved)
    assert [d.line for d in again] == [d.line + 3 for d in first]


def test_a_definition_used_by_name_is_re_analysed() -> None:
    text = script(
        """
        from tvm.script import tir as T

        @T.prim_func
        def add(a: T.handle):
            T.evaluate(0)

        @T.prim_func
        def main(a: T.handle):
            T.evaluate(add)
        """
    )
    checker = IncrementalAnalyser()
    for version in (text, text.replace("def add(a", "def ad(a"), text):
        assert checker.check(version) == check_source(version)


def test_a_syntax_error_falls_back_to_check_source() -> None:
    text = _corpus_file(3, 1) + "\ndef broken(:\n"
    checker = IncrementalAnalyser()
    assert checker.check(text) == check_source(text)


@pytest.mark.parametrize(
    "broken",
    [
        "x = (",  # reported further down, where the next definition starts
        "x = 1 +",
        "def g(:",
        "    y = 2",  # an unexpected indent
    ],
)
def test_a_syntax_error_below_good_chunks_is_check_sources(broken: str) -> None:
    good = script("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)
    """)
    after = '\n@T.prim_func\ndef h(a: T.Buffer((4,), "float32")):\n    a[0] = b\n'
    text = good + "\n" + broken + "\n" + after
    assert IncrementalAnalyser("k.py").check(text) == check_source(text, "k.py")
