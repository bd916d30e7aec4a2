"""`IncrementalChecker` gives exactly `check_source`'s diagnostics through random edits."""

from __future__ import annotations

import random
import re

import pytest
from conftest import corpus_rows, script

from tvmscript import check_source
from tvmscript.script.parser.incremental import IncrementalChecker

_HEADER = "from tvm.script import ir as I\nfrom tvm.script import tirx as T\n"
_MACRO = script(
    """
    @T.macro
    def bump(x):
        x[0] = x[0] + N
    """
)


def _corpus_file(count: int, seed: int) -> str:
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
        case 7:  # a buffer name broken
            lines[i] = re.sub(r"\b([A-Z])\b(?=\[)", r"\1q", line, count=1)
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
    checker = IncrementalChecker("k.py")
    assert checker.check(text) == check_source(text, "k.py")
    for _ in range(25):
        text = _edit(text, rng)
        assert checker.check(text) == check_source(text, "k.py")


def test_lines_inserted_above_a_definition_shift_its_diagnostics() -> None:
    text = _corpus_file(4, 0)
    broken = text.replace("T.Buffer(", "T.Bufferr(", 1)
    checker = IncrementalChecker()
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
    checker = IncrementalChecker()
    for version in (text, text.replace("def add(a", "def ad(a"), text):
        assert checker.check(version) == check_source(version)


def test_a_syntax_error_falls_back_to_check_source() -> None:
    text = _corpus_file(3, 1) + "\ndef broken(:\n"
    checker = IncrementalChecker()
    assert checker.check(text) == check_source(text)
