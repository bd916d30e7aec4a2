"""Quick fixes as pure functions: offered only when verified."""

from __future__ import annotations

import re

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript
from tvmscript_server.quickfix import apply_edits, match_buffer_fix, suggestion_fix

from .lsp_helpers import source

HANDLE = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.handle, n: T.int32):
        A = T.match_buffer(a, (4,), "float32", offset_factor=1)
        A[0] = T.float32(1)
""")


def test_suggestion_replaces_only_the_misspelt_name() -> None:
    text = HANDLE.replace("T.float32(1)", "T.flaot32(1)")
    [d] = tvmscript.check_source(text)
    fix = suggestion_fix(
        text, d.message, d.line - 1, d.column - 1, d.end_line - 1, d.end_column - 1
    )
    assert fix is not None
    assert fix.title == "Replace 'flaot32' with 'float32'"
    assert apply_edits(text, fix.edits) == HANDLE


def test_no_suggestion_fix_without_a_suggestion_or_when_it_does_not_help() -> None:
    text = HANDLE.replace("T.float32(1)", "T.flaot32(1)")
    [d] = tvmscript.check_source(text)
    span = (d.line - 1, d.column - 1, d.end_line - 1, d.end_column - 1)
    assert suggestion_fix(text, "undefined name 'x'", *span) is None
    # A suggestion that does not make the diagnostic go away is not offered.
    wrong = d.message.replace("did you mean 'float32'", "did you mean 'nothing_such'")
    assert suggestion_fix(text, wrong, *span) is None


def test_match_buffer_becomes_a_buffer_parameter() -> None:
    for line in (3, 4):  # on the parameter or on the match_buffer line
        fix = match_buffer_fix(HANDLE, line)
        assert fix is not None
        assert apply_edits(HANDLE, fix.edits) == source("""
            from tvm.script import tirx as T

            @T.prim_func
            def f(A: T.Buffer((4,), "float32", offset_factor=1), n: T.int32):
                A[0] = T.float32(1)
        """)
    assert match_buffer_fix(HANDLE, 5) is None
    assert match_buffer_fix(HANDLE, 0) is None


def test_match_buffer_fix_is_not_offered_when_the_handle_is_used_elsewhere() -> None:
    text = HANDLE.replace("A[0] = T.float32(1)", "T.evaluate(T.tvm_struct_get(a, 0, 1, 'handle'))")
    assert match_buffer_fix(text, 3) is None


def test_match_buffer_fix_is_not_offered_for_a_definition_with_errors() -> None:
    text = HANDLE.replace("A[0] = T.float32(1)", "B[0] = T.float32(1)")
    assert match_buffer_fix(text, 4) is None


_PARAM = re.compile(r"(\w+): T\.Buffer\((\([^()]*\), \"\w+\")\)")


def _with_handles(text: str) -> str | None:
    """The corpus program with its first `X: T.Buffer(...)` parameter as a handle + match."""
    found = _PARAM.search(text)
    if found is None:
        return None
    name, args = found.group(1), found.group(2)
    def_line_end = text.index("\n", found.end())
    body_line = text[def_line_end + 1 :]
    indent = body_line[: len(body_line) - len(body_line.lstrip())]
    return (
        text[: found.start()]
        + f"{name}_h: T.handle"
        + text[found.end() : def_line_end + 1]
        + f"{indent}{name} = T.match_buffer({name}_h, {args})\n"
        + text[def_line_end + 1 :]
    )


_SIMPLE = [
    p
    for p in corpus_rows("tir")
    if p.meta_extra_vars() is None and _with_handles(p.text) is not None
][::7]


@pytest.mark.parametrize("program", _SIMPLE, ids=lambda p: f"{p.id}_{p.name}")
def test_match_buffer_fix_gives_back_the_corpus_program(program: CorpusProgram) -> None:
    text = _with_handles(program.text)
    assert text is not None
    line = next(i for i, t in enumerate(text.split("\n")) if "T.match_buffer(" in t)
    fix = match_buffer_fix(text, line)
    assert fix is not None
    assert apply_edits(text, fix.edits) == program.text
