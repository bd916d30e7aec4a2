"""Completion and signature-help logic (no server): contexts, ranking, active parameter."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_rows
from tvmscript_server.completion import complete, in_string_or_comment
from tvmscript_server.signature_help import active_parameter, parameter_docs, signature_at
from tvmscript_server.stub_index import StubIndex

from .lsp_helpers import source

INDEX = StubIndex()
KERNEL = source('''
    from tvmscript import tir as T

    @T.prim_func
    def f(a: T.handle, n: T.int32):
        """Doc with T. inside."""
        A = T.match_buffer(a, (8,), "float32")
        for i in T.serial(8):
            with T.sblock("b"):
                vi = T.axis.spatial(8, i)
                A[vi] = T.float32(0)  # T. here
''')
LINES = KERNEL.split("\n")


def test_string_and_comment_positions() -> None:
    assert in_string_or_comment(LINES, 4, 20)  # inside the docstring
    assert in_string_or_comment(LINES, 9, len(LINES[9]))  # in the trailing comment
    assert in_string_or_comment(LINES, 5, LINES[5].index("float32") + 2)
    assert not in_string_or_comment(LINES, 5, LINES[5].index("T.") + 2)


def test_attribute_completion_in_a_printed_file_without_imports() -> None:
    text = "# from tvm.script import tir as T\n\n@T.prim_func\ndef f():\n    T.\n"
    labels = {item.label for item in complete(text, 4, 6, INDEX)}
    assert {"grid", "sblock", "axis", "Buffer", "exp"} <= labels


def test_annotation_position_ranks_buffer_and_dtypes_first() -> None:
    text = KERNEL.replace("n: T.int32", "n: T.")
    column = text.split("\n")[3].index("n: T.") + 5
    items = sorted(complete(text, 3, column, INDEX), key=lambda item: item.sort)
    first = {item.label for item in items if item.sort.startswith("0_")}
    assert {"Buffer", "handle", "int32", "float32"} <= first
    assert "grid" not in first


def test_unknown_prefix_gives_nothing() -> None:
    text = KERNEL + "    np.\n"
    assert complete(text, len(LINES), 7, INDEX) == ()


def test_signature_by_position_and_keyword() -> None:
    member = INDEX.member("tir", ("alloc_buffer",))
    assert member is not None
    assert active_parameter(member, ["(8,)", ' "float32"', " "]) == 2
    assert active_parameter(member, ["(8,)", " scope="]) == 6
    assert active_parameter(member, ["(8,)", " nope="]) is None
    grid = INDEX.member("tir", ("grid",))
    assert grid is not None
    assert active_parameter(grid, ["1", "2", "3"]) == 0  # *extents absorbs every position


def test_signature_at_nested_call_and_multiline() -> None:
    text = KERNEL + "        T.alloc_buffer(\n            (8,), T.max(1, 2),\n            "
    found = signature_at(text, len(LINES) + 1, 12, INDEX)
    assert found is not None
    assert found.member.name == "alloc_buffer"
    assert found.active == 2


def test_parameter_docs_from_args_section() -> None:
    doc = (
        "Summary.\n\nArgs:\n    x: the value\n        continued.\n    y (int): other\n\nReturns:\n"
    )
    assert parameter_docs(doc) == {"x": "the value continued.", "y": "other"}


@pytest.mark.slow
def test_completion_never_fails_anywhere_in_corpus_files() -> None:
    for program in corpus_rows("tir")[:40]:
        text = program.path.read_text()
        lines = text.split("\n")
        for line in range(0, len(lines), 3):
            for column in range(0, len(lines[line]) + 1, 7):
                complete(text, line, column, INDEX, snippets=True)
                signature_at(text, line, column, INDEX)


SCOPES = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def g(A: T.Buffer((8,), "float32")):
        for i in T.serial(8):
            A[i] = T.float32(0)
        for j in T.serial(8):
            s = T.float32(1)
            A[j] = s
        t = T.float32(2)

    @T.prim_func
    def h(x: T.handle):
        T.evaluate(0)
""")


def test_local_names_are_the_symbols_visible_at_the_cursor() -> None:
    lines = SCOPES.split("\n")
    lines.insert(8, "        v")  # after `s = ...` in the j loop
    text = "\n".join(lines)
    items = {i.label: i for i in complete(text, 8, 9, INDEX)}
    assert {"A", "j", "s", "T", "g", "h"} <= set(items)
    assert not {"i", "t", "x"} & set(items)  # another loop's, bound below, another function's
    assert items["A"].detail == 'A: T.Buffer((8,), "float32")'
    assert items["g"].detail == 'def g(A: T.Buffer((8,), "float32"))'
    assert (items["g"].kind, items["s"].kind, items["T"].kind) == ("function", "variable", "module")


def test_a_definition_that_no_longer_parses_falls_back_to_its_text() -> None:
    lines = SCOPES.split("\n")
    lines.insert(8, "        for k in ")  # half typed: a syntax error
    text = "\n".join(lines)
    labels = {i.label for i in complete(text, 8, 17, INDEX)}
    assert {"A", "i", "j", "s", "T"} <= labels  # read from the text above, in the function
    assert "x" not in labels
