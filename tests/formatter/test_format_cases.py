"""The formatter on the hand-written cases of ``cases/``: layout only, black's, TVM's on demand.

Every case is formatted as ``tvmscript fmt`` does (line length 88): names, literals,
docstrings and comment positions are kept, the result is a fixpoint, ``ruff format`` and
``black`` leave it unchanged (and formatting leaves theirs unchanged), and each definition still
parses to the same IR. ``--canonical`` gives TVM 0.27's printed text (``tvm_printed.json``,
recorded by ``record_tvm.py``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Final

import pytest
from format_helpers import (
    CASES,
    case_files,
    comment_anchors,
    docstrings,
    literals,
    names,
    without_comments,
)

from tvmscript.diagnostics import DiagnosticError
from tvmscript.ir import assert_structural_equal
from tvmscript.script.formatter import FormatOptions, Skipped, format_text
from tvmscript.script.outline import Outline, TopLevel, outline
from tvmscript.script.parser.api import from_source

OPTIONS: Final = FormatOptions(line_length=88)
_ROOT_BLOCK: Final = 'with T.sblock("root"):'
FILES: Final = case_files()
TVM_PRINTED: Final = json.loads((CASES.parent / "tvm_printed.json").read_text())
# Where our canonical text is not yet TVM's, and why (not the formatter's doing).
KNOWN_DIFFERENCES: Final = {
    ("29_alloc_buffer", "exp_then_scale"): "the parser infers no access region of an "
    "alloc_buffer in T.reads/T.writes",
    ("59_comments_dense", "softmax"): "the parser infers no access region of an alloc_buffer "
    "in T.reads/T.writes",
    ("58_nested_calls_wrap", "softmax_row"): "the parser's inferred region is the loop's range; "
    "TVM's the min/max of the points read",
}
# Where black and ruff disagree: formatting follows ruff there (black leaves ruff's text as is).
BLACK_DEVIATIONS: Final = {
    "34_ir_module_blank_lines": "a blank line opening a class body: black keeps it, ruff drops it",
}


def _ids(path: Path) -> str:
    return path.stem


@cache
def _formatted(path: Path) -> tuple[str, tuple[Skipped, ...]]:
    text, skipped = format_text(path.read_text(), options=OPTIONS)
    return text, tuple(skipped)


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_layout_keeps_every_name_literal_and_docstring(case: Path) -> None:
    text = case.read_text()
    formatted, skipped = _formatted(case)
    assert skipped == ()
    assert names(formatted) == names(text)
    assert literals(formatted) == literals(text)
    assert docstrings(formatted) == docstrings(text)


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_layout_keeps_every_comment_where_it_was(case: Path) -> None:
    formatted, _ = _formatted(case)
    assert comment_anchors(formatted) == comment_anchors(case.read_text())


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_layout_is_idempotent(case: Path) -> None:
    formatted, _ = _formatted(case)
    assert format_text(formatted, options=OPTIONS) == (formatted, [])


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_layout_leaves_module_code_as_written(case: Path) -> None:
    formatted, _ = _formatted(case)
    assert _module_code(formatted) == _module_code(case.read_text())


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_layout_means_the_same_program(case: Path) -> None:
    text = case.read_text()
    formatted, _ = _formatted(case)
    before, after = outline(text), outline(formatted)
    assert [d.symbol.name for d in after.definitions] == [d.symbol.name for d in before.definitions]
    compared = 0
    for old, new in zip(before.definitions, after.definitions, strict=True):
        try:
            original = from_source(_only(before, old))
        except DiagnosticError:
            continue  # not TVMScript we read (yet): the syntax trees were compared
        assert_structural_equal(from_source(_only(after, new)), original)
        compared += 1
    assert compared


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The formatted cases, in a folder of their own (no configuration above them)."""
    folder = tmp_path_factory.mktemp("laid_out")
    (folder / "pyproject.toml").write_text("")  # black's project root: its defaults
    for case in FILES:
        (folder / case.name).write_text(_formatted(case)[0])
    return folder


@pytest.mark.parametrize("tool", ["ruff", "black"])
def test_ruff_and_black_leave_the_layout_unchanged(tool: str, laid_out: Path) -> None:
    done = _run_tool(tool, laid_out, check=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("tool", ["ruff", "black"])
def test_layout_leaves_ruff_and_black_output_unchanged(
    tool: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp(f"by_{tool}")
    (folder / "pyproject.toml").write_text("")
    for case in FILES:
        shutil.copy(case, folder / case.name)
    done = _run_tool(tool, folder, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    changed = [
        path.stem
        for path in sorted(folder.glob("*.py"))
        if format_text(path.read_text(), options=OPTIONS)[0] != path.read_text()
    ]
    assert changed == ([*BLACK_DEVIATIONS] if tool == "black" else [])


def _canonical_cases() -> list[tuple[str, str]]:
    return [
        (case, name)
        for case, printed in TVM_PRINTED.items()
        if isinstance(printed, dict)
        for name, text in printed.items()
        if isinstance(text, str)
    ]


def _canonical_params() -> list[object]:
    params = []
    for case, name in _canonical_cases():
        reason = KNOWN_DIFFERENCES.get((case.removesuffix(".py"), name))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(case, name, marks=marks, id=f"{case[:-3]}-{name}"))
    return params


@pytest.mark.parametrize(("case", "name"), _canonical_params())
def test_canonical_gives_tvms_printed_text(case: str, name: str) -> None:
    text, skipped = format_text((CASES / case).read_text(), canonical=True)
    assert skipped == []
    doc = outline(text)
    [definition] = [d for d in doc.definitions if d.symbol.name == name]
    printed = TVM_PRINTED[case][name]
    expected = printed[printed.index("\n@") + 1 :].replace("\nclass Module:", f"\nclass {name}:")
    assert without_comments(definition.text(doc.lines)).rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("case", FILES, ids=_ids)
def test_canonical_is_a_fixpoint_that_keeps_every_comment(case: Path) -> None:
    text = case.read_text()
    canonical, skipped = format_text(text, canonical=True)
    assert skipped == []
    assert format_text(canonical, canonical=True) == (canonical, [])
    # The printer writes the root block's comment itself; a comment after a compound
    # statement's header moves above its first body statement (`tvmscript.script.comments`).
    kept = Counter(c[1] for c in comment_anchors(canonical))
    written = Counter(c[1] for c in comment_anchors(text))
    del kept[_ROOT_BLOCK], written[_ROOT_BLOCK]
    assert kept == written


def test_the_suite_has_forty_cases_of_every_kind() -> None:
    assert len(FILES) >= 40
    texts = [case.read_text() for case in FILES]
    assert sum("@I.ir_module" in t for t in texts) >= 5
    assert sum("# from tvm.script import" in t for t in texts) >= 5  # printed by TVM
    assert sum('"""' in t or "'''" in t for t in texts) >= 4  # docstrings
    assert sum(len(comment_anchors(t)) for t in texts) >= 80  # comments


def _run_tool(tool: str, folder: Path, check: bool) -> subprocess.CompletedProcess[str]:
    if tool == "ruff":
        command = [sys.executable, "-m", "ruff", "format", "--isolated", "--line-length", "88"]
    else:
        command = [sys.executable, "-m", "black", "--quiet", "--line-length", "88"]
    command += ["--check", str(folder)] if check else [str(folder)]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=folder)


def _only(doc: Outline, definition: TopLevel) -> str:
    """The file with only ``definition`` left of its definitions (lines keep their numbers)."""
    lines = list(doc.lines)
    for other in doc.definitions:
        if other is not definition:
            lines[other.start : other.end] = [""] * (other.end - other.start)
    return "\n".join(lines)


def _module_code(text: str) -> list[str]:
    """The non-blank lines outside definitions, comment lines spelled as ruff spells them."""
    doc = outline(text)
    inside = {i for d in doc.definitions for i in range(d.start, d.end)}
    out = []
    for i, line in enumerate(doc.lines):
        if i in inside or not line.strip():
            continue
        out.append("# " + line[1:].strip() if line.startswith("#") else line)
    return out
