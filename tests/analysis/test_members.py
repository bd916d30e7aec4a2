"""A module class's functions reused between versions: exactly a fresh analysis, less work.

`IncrementalAnalyser` cuts an ``@I.ir_module`` class at its functions and replays the parse of
each function an edit did not touch (`tvmscript.analysis.members`). Through random edits of
one mixed Relax + TIR module, its analysis equals `analyse_source`'s: diagnostics, symbols,
build warnings, and the IR itself (printed, and every span of it).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from conftest import CORPUS_MISSING, HAVE_CORPUS, corpus_rows, script

from tvmscript.analysis import Analysis, IncrementalAnalyser, analyse_source, members
from tvmscript.analysis.members import PieceCache, split_class
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import Node, node_fields

_HEADER = (
    "from tvm.script import ir as I\nfrom tvm.script import relax as R\n"
    "from tvm.script import tirx as T\n\n\n@I.ir_module\nclass Module:\n"
)
_UNBOUND = """
    @T.prim_func
    def unbound(A: T.Buffer((8,), "float32")):
        n = T.int32()
        for i in T.thread_binding(n, thread="threadIdx.x"):
            A[0] = A[0] + T.float32(1)
"""


def _mixed_module(count: int, seed: int) -> str:
    """One class of the members of ``count`` legalized corpus programs, renamed apart."""
    if not HAVE_CORPUS:
        pytest.skip(CORPUS_MISSING)
    rows = [
        p
        for p in corpus_rows("relax")
        if p.kind == "relax_legalized" and not re.search(r"metadata|TypeVar|module_", p.text)
    ]
    bodies = []
    for program in random.Random(seed).sample(rows, min(count, len(rows))):
        text = program.text.split("\nclass Module:\n", 1)[1].rstrip("\n")
        for name in set(re.findall(r"^    def (\w+)\(", text, flags=re.M)):
            text = re.sub(rf"(?<=def ){name}(?=\()", f"{name}_{program.id}", text)
            text = re.sub(rf"\bcls\.{name}\b", f"cls.{name}_{program.id}", text)
        bodies.append(text)
    return _HEADER + "\n\n".join(bodies) + "\n" + _UNBOUND


def _edit(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(8, len(lines))
    line = lines[i]
    match rng.randrange(8):
        case 0:  # one character less
            if line:
                j = rng.randrange(len(line))
                lines[i] = line[:j] + line[j + 1 :]
        case 1:  # one character more
            j = rng.randrange(len(line) + 1)
            lines[i] = line[:j] + rng.choice("x_ (:1") + line[j:]
        case 2:  # blank or comment lines
            lines[i:i] = rng.choice([[""], ["        # note"], ["", ""]])
        case 3:  # lines removed
            del lines[i : i + rng.randrange(1, 3)]
        case 4:  # a statement of a function body duplicated
            if line.startswith("        "):
                lines.insert(i, line)
        case 5:  # a name a call uses broken (a cls.f, a buffer, a Relax variable)
            lines[i] = re.sub(r"\b(cls\.\w+|[A-Za-z_]\w*)(?=[\[,)])", r"\1q", line, count=1)
        case 6:  # a function renamed (its cls.f uses now name nothing)
            if (found := re.match(r"(\s+def )(\w+)", line)) is not None:
                lines[i] = line.replace(found.group(2), found.group(2) + "_r", 1)
        case _:  # a function with build warnings, or a module attribute, appears
            lines[i:i] = rng.choice(
                [
                    _UNBOUND.replace("unbound", f"unbound_{i}").split("\n"),
                    ['    I.module_attrs({"note": 1})'],
                ]
            )
    return "\n".join(lines)


def _spans(ir: Any) -> list[tuple[int, int, int, int] | None]:
    """Every span of ``ir`` in a fixed walk (`GlobalVar`s not entered)."""
    out: list[tuple[int, int, int, int] | None] = []
    seen: set[int] = set()
    todo: list[object] = [ir]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, GlobalVar):
            continue
        seen.add(id(obj))
        if isinstance(obj, Node):
            span = obj.span
            out.append(
                None if span is None else (span.line, span.column, span.end_line, span.end_column)
            )
            todo.extend(getattr(obj, name) for name, _ in reversed(node_fields(type(obj))))
        elif isinstance(obj, tuple | list):
            todo.extend(reversed(obj))
        elif isinstance(obj, dict):
            todo.extend(reversed([*obj.keys(), *obj.values()]))
    return out


def _assert_same(found: Analysis, fresh: Analysis) -> None:
    assert found.diagnostics == fresh.diagnostics
    assert found.symbols.symbols == fresh.symbols.symbols
    assert found.warnings == fresh.warnings
    assert found.results.keys() == fresh.results.keys()
    for name, ir in fresh.results.items():
        assert found.results[name].script() == ir.script()
        assert _spans(found.results[name]) == _spans(ir)


@pytest.mark.parametrize("seed", range(3))
def test_random_edits_of_a_mixed_module_equal_a_fresh_analysis(seed: int) -> None:
    rng = random.Random(seed)
    text = original = _mixed_module(5, seed)
    analyser = IncrementalAnalyser("m.py")
    built = 0
    for step in range(30):
        if step:  # an edit of the last version, or of the first (an undo, then an edit)
            text = _edit(text if rng.random() < 0.6 else original, rng)
        found = analyser.analyse(text)
        _assert_same(found, analyse_source(text, "m.py"))
        built += "Module" in found.results
    assert built >= 5  # the property saw modules that build, not only broken ones


def test_an_edit_in_one_function_replays_the_others() -> None:
    text = _mixed_module(4, 7)
    analyser = IncrementalAnalyser("m.py")
    first = analyser.analyse(text)
    module = first.results["Module"]
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "= R.call_tir(cls." in line)
    lines[at] = lines[at].replace("R.call_tir(cls.", "R.call_tir(cls.q", 1)
    broken = analyser.analyse("\n".join(lines))
    assert [d.code for d in broken.diagnostics] == ["unknown-function"]
    mended = analyser.analyse(text)
    _assert_same(mended, analyse_source(text, "m.py"))
    again = mended.results["Module"]
    touched = next(i for i in range(at, -1, -1) if lines[i].lstrip().startswith("def "))
    name = re.match(r"\s+def (\w+)", lines[touched]).group(1)  # type: ignore[union-attr]
    reused = [gv.name_hint for gv, f in again.items() if f is module[gv.name_hint]]
    assert name not in reused
    assert len(reused) == len(list(again.items())) - 1  # every other function's IR is kept


def test_lines_above_a_function_move_its_replayed_ir() -> None:
    text = _mixed_module(3, 2)
    analyser = IncrementalAnalyser("m.py")
    analyser.analyse(text)
    moved = text.replace("class Module:\n", "class Module:\n    # a note\n\n", 1)
    _assert_same(analyser.analyse(moved), analyse_source(moved, "m.py"))


def test_a_class_is_cut_at_its_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(members, "MIN_CUT_LINES", 0)
    chunk = script("""
        @I.ir_module
        class Module:
            \"\"\"A docstring.\"\"\"

            @T.prim_func(
                private=True,
            )
            def f(a: T.Buffer((4,), "float32")):
                a[0] = T.float32(1)
            # a comment

            @R.function
            def main(x: R.Tensor((4,), "float32")):
                return x
    """).removeprefix("\n")
    found = split_class(chunk, "m.py", PieceCache())
    assert found is not None
    _, split = found
    firsts = [first for first, _ in split.pieces]
    assert firsts == [2, 4, 11]  # the docstring, then each function with its decorators
    assert split.pieces[1][1].text.endswith("# a comment\n")


@pytest.mark.parametrize(
    "chunk",
    [
        "@I.ir_module\nclass Module:\n    @T.prim_func\n    def f():\n  pass\n",  # odd indent
        "@I.ir_module\nclass Module: pass\n",  # a body on the class line
        "class Module:\n    x = 1\n",  # no decorator
    ],
)
def test_a_class_that_cannot_be_cut_is_parsed_whole(
    chunk: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(members, "MIN_CUT_LINES", 0)
    assert split_class(chunk, "m.py", PieceCache()) is None


def test_a_piece_with_a_syntax_error_is_one_of_the_class(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(members, "MIN_CUT_LINES", 0)
    chunk = "@I.ir_module\nclass Module:\n    @T.prim_func\n    def f(:\n        pass\n"
    with pytest.raises(SyntaxError):
        split_class(chunk, "m.py", PieceCache())


def test_a_cut_inside_a_string_is_found_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(members, "MIN_CUT_LINES", 0)
    body = [
        "    @T.prim_func",
        '    def f(a: T.Buffer((4,), "float32")):',
        '        """A docstring whose line',
        '    def looks like a function."""',
        "        a[0] = T.float32(1)",
    ]
    text = _HEADER + "\n".join(body) + "\n"
    analyser = IncrementalAnalyser("m.py")
    found = analyser.analyse(text)
    _assert_same(found, analyse_source(text, "m.py"))
    assert "Module" in found.results


def test_a_definition_reused_whole_has_its_ir_moved() -> None:
    """A definition the edit did not touch, below it, is reused with its IR's spans moved."""
    alone = _UNBOUND.replace("unbound", "alone").replace("\n    ", "\n")
    text = _mixed_module(2, 4) + "\n" + alone
    analyser = IncrementalAnalyser("m.py")
    first = analyser.analyse(text)
    moved = text.replace(
        "from tvm.script import tirx as T\n", "from tvm.script import tirx as T\n\n# a\n", 1
    )
    found = analyser.analyse(moved)
    assert found.parsed == 0  # the module and the function are both reused
    assert found.results["alone"] is first.results["alone"]
    _assert_same(found, analyse_source(moved, "m.py"))


def test_a_small_class_is_parsed_whole_again() -> None:
    chunk = "@I.ir_module\nclass Module:\n    @T.prim_func\n    def f():\n        pass\n"
    assert split_class(chunk, "m.py", PieceCache()) is None  # (below MIN_CUT_LINES)
