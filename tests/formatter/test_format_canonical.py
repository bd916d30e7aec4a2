"""``--canonical`` (TVM's printed form, comments kept) corpus-wide, and layout corpus-wide."""

from __future__ import annotations

import io
import textwrap
import tokenize
from collections import Counter

import pytest
from conftest import CorpusProgram, corpus_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tvmscript
from tvmscript.ir import assert_structural_equal
from tvmscript.script.formatter import apply, format_source, format_text
from tvmscript.script.outline import outline


def source(text: str) -> str:
    return textwrap.dedent(text).removeprefix("\n")


_TIR = corpus_rows("tir")

MESSY = source("""
    import numpy as np
    from tvm.script import tirx as T

    N = 4


    @T.prim_func
    def f(a: T.Buffer((N,), "float32")):
        for i in range( 4 ):
            a[i] = a[i]+T.float32(1)
    x = np.zeros(3)
""")


def _comments(text: str) -> Counter[str]:
    """The comments of ``text``, but the one the printer adds for an implicit root block."""
    found = Counter(
        t.string
        for t in tokenize.generate_tokens(io.StringIO(text).readline)
        if t.type == tokenize.COMMENT
    )
    del found['# with T.sblock("root"):']
    return found


def _definition_part(text: str) -> str:
    return text[text.index("\n@") :]


def test_canonical_rewrites_only_the_definition() -> None:
    replacements, skipped = format_source(MESSY, canonical=True)
    assert skipped == []
    assert apply(MESSY, replacements) == source("""
        import numpy as np
        from tvm.script import tirx as T

        N = 4


        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            for i in range(4):
                a[i] = a[i] + T.float32(1.0)
        x = np.zeros(3)
    """)


def test_canonical_is_idempotent() -> None:
    once = apply(MESSY, format_source(MESSY, canonical=True)[0])
    assert format_source(once, canonical=True) == ([], [])


def test_canonical_skips_a_definition_with_errors_and_says_where() -> None:
    text = source("""
        from tvm.script import tirx as T

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            C[0] = T.float32(1)
    """)
    replacements, [skipped] = format_source(text, canonical=True)
    assert replacements == []
    assert (skipped.name, skipped.line) == ("f", 2)
    assert skipped.reason == "it has errors: undefined name 'C' (line 5, column 5)"


def test_canonical_keeps_comments_everywhere() -> None:
    # TVM prints a module's functions sorted by name: comments go with their function; one
    # after a nested body's last statement ends the function's body.
    text = source("""
        # a module comment
        from tvm.script import tirx as T
        from tvm.script import ir as I

        @I.ir_module
        class Mod:  # the module
            @T.prim_func
            def g(a: T.Buffer((4,), "float32")):
                #in g
                a[0] = T.float32(1)  # one
            # above f
            @T.prim_func
            def f(a: T.Buffer((4,),  # the shape
                              "float32")):
                for i in range(4):
                    if i < 2:
                        a[i] = T.float32(
                            2  # two
                        )
                    # end of the loop body
                # end of f
        # after the module


        def other():  # python code is left alone
            return   1
    """)
    formatted, skipped = format_text(text, canonical=True)
    assert skipped == []
    assert formatted == source("""
        # a module comment
        from tvm.script import tirx as T
        from tvm.script import ir as I

        @I.ir_module
        class Mod:
            # above f
            @T.prim_func
            def f(a: T.Buffer((4,), "float32")):
                # the shape
                for i in range(4):
                    if i < 2:
                        a[i] = T.float32(2.0)  # two
                # end of the loop body
                # end of f

            # the module
            @T.prim_func
            def g(a: T.Buffer((4,), "float32")):
                # in g
                a[0] = T.float32(1.0)  # one
        # after the module


        def other():  # python code is left alone
            return   1
    """)
    assert format_text(formatted, canonical=True) == (formatted, [])


def test_canonical_keeps_the_class_name_and_the_root_block_comment() -> None:
    text = source("""
        @I.ir_module
        class Kernels:
            @T.prim_func(s_tir=True)
            def f(a: T.Buffer((4, 4), "float32")):
                # with T.sblock("root"):
                for i, j in T.grid(4, 4):
                    with T.sblock("b"):
                        vi, vj = T.axis.remap("SS", [i, j])
                        a[vi, vj] = T.float32(0)
    """)
    formatted, skipped = format_text(text, canonical=True)
    assert skipped == []
    assert formatted.startswith("@I.ir_module\nclass Kernels:\n")
    assert '        # with T.sblock("root"):\n' in formatted
    assert "T.writes(a[vi, vj])" in formatted


def test_canonical_a_range_touches_only_the_definitions_it_overlaps() -> None:
    text = MESSY + "\n\n@T.prim_func\ndef g(a: T.Buffer((N,), 'float32')):\n    a[0] = a[1]\n"
    doc = outline(text)
    f, g = doc.definitions
    [only_g], _ = format_source(text, [(g.start + 1, g.start + 1)], canonical=True)
    assert (only_g.start, only_g.end) == (g.start, g.end)
    assert format_source(text, [(0, 2)], canonical=True) == ([], [])  # the imports only
    both, _ = format_source(text, [(f.end - 1, g.start)], canonical=True)
    assert [r.start for r in both] == [f.start, g.start]


@pytest.mark.parametrize("program", _TIR, ids=lambda p: f"{p.id}_{p.name}")
def test_canonical_a_corpus_file_changes_at_most_its_definition_to_tvm_text(
    program: CorpusProgram,
) -> None:
    formatted, skipped = format_text(program.text, canonical=True)
    assert skipped == []
    if formatted != program.text:
        # Hand-written programs and those TVM prints differently: TVM's own text.
        assert _definition_part(formatted) == _definition_part(program.expected_text)
        head = program.text.index("\n@")
        assert formatted[:head] == program.text[:head]


def _inject(text: str, choices: list[int]) -> str:
    """``text`` with comments added in its definitions, line by line by ``choices``.

    Choice 1 (mod 4) adds a line above (at one of several indentations), 2 a trailing comment
    on a line that ends a token line, others nothing.
    """
    lines = text.split("\n")
    doc = outline(text)
    inside = [i for d in doc.definitions for i in range(d.start, d.end)]
    ends = {
        tok.start[0] - 1
        for tok in tokenize.generate_tokens(io.StringIO(text).readline)
        if tok.type in (tokenize.NEWLINE, tokenize.NL)
    }
    above: dict[int, str] = {}
    after: dict[int, str] = {}
    for k, i in enumerate(inside):
        choice = choices[k % len(choices)]
        if choice % 4 == 1:
            above[i] = " " * (4 * (choice // 4 % 5)) + f"# c{k}"
        elif choice % 4 == 2 and i in ends and "#" not in lines[i]:
            after[i] = f"  # t{k}"
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in above:
            out.append(above[i])
        out.append(line + after.get(i, ""))
    return "\n".join(out)


def _check_comments_kept(program: CorpusProgram, text: str) -> None:
    replacements, skipped = format_source(text, canonical=True)
    assert skipped == []
    formatted = apply(text, replacements)
    assert _comments(formatted) == _comments(text)
    assert format_source(formatted, canonical=True) == ([], [])  # idempotent
    extra = program.meta_extra_vars()
    if extra is None:  # the definitions still mean the same
        doc = outline(formatted)
        before = tvmscript.from_source(program.text)
        [definition] = doc.definitions
        after = tvmscript.from_source(
            doc.prelude_before(definition.start) + definition.text(doc.lines)
        )
        assert_structural_equal(after, before)


@pytest.mark.parametrize("program", _TIR, ids=lambda p: f"{p.id}_{p.name}")
def test_comments_on_many_lines_of_a_corpus_file_are_kept(program: CorpusProgram) -> None:
    text = _inject(program.text, [1, 2, 0, 5, 2, 9, 1, 2, 13, 0, 17, 2])
    assert _comments(text) != _comments(program.text), "comments were added"
    _check_comments_kept(program, text)


@pytest.mark.requires_corpus
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    program=st.sampled_from(_TIR),
    choices=st.lists(st.integers(min_value=0, max_value=19), min_size=1, max_size=40),
)
def test_random_comments_are_kept_and_formatting_is_idempotent(
    program: CorpusProgram, choices: list[int]
) -> None:
    _check_comments_kept(program, _inject(program.text, choices))


@pytest.mark.parametrize("program", corpus_rows("all")[::3], ids=lambda p: f"{p.id}_{p.name}")
def test_layout_of_a_corpus_file_means_the_same_and_is_a_fixpoint(program: CorpusProgram) -> None:
    formatted, skipped = format_text(program.text)
    assert skipped == []
    assert format_text(formatted) == (formatted, [])
    assert _comments(formatted) == _comments(program.text)
    extra = program.meta_extra_vars()
    assert_structural_equal(
        tvmscript.from_source(formatted, extra_vars=extra),
        tvmscript.from_source(program.text, extra_vars=extra),
    )
