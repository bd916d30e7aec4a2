"""Source comments survive printing (formatting) and printing with them is idempotent."""

from __future__ import annotations

import io
import textwrap
import tokenize
from collections import Counter

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript
from tvmscript.script.comments import extract_comments


def _print_with_comments(text: str, extra: object = None) -> tuple[str, list[str]]:
    table = extract_comments(text)
    obj = tvmscript.from_source(text, extra_vars=extra)  # type: ignore[arg-type]
    return obj.script(comments=table), table.texts()


def _with_injected_comments(text: str) -> str:
    """``text`` with a comment above and after every logical line of its definition."""
    lines = text.split("\n")
    starts: set[int] = set()
    ends: set[int] = set()
    line_start = None
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
            continue
        if line_start is None:
            line_start = tok.start[0]
        if tok.type == tokenize.NEWLINE:
            starts.add(line_start)
            ends.add(tok.start[0])
            line_start = None
    first = next(i for i, line in enumerate(lines, 1) if line.lstrip().startswith("@"))
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        if n >= first and n in starts:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# above {n}")
        if n >= first and n in ends and "#" not in line:
            line += f"  # after {n}"
        out.append(line)
    return "\n".join(out)


def test_comments_are_printed_where_they_belong() -> None:
    text = textwrap.dedent("""\
        # not part of the definition
        from tvmscript import tir as T

        @T.prim_func
        def f(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
            # before the loop
            #
            # (a paragraph break above)
            for i in range(16):
                if i < 8:
                    B[i] = A[i]  # copy
                else:
                    B[i] = A[i] * T.float32(2)  #
                x: T.float32 = A[i]  # a local scalar
                B[i] = x
            # at the end
    """)
    printed, _ = _print_with_comments(text)
    assert printed.split("\n", 3)[3] == textwrap.dedent("""\
        @T.prim_func
        def f(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
            # before the loop
            #
            # (a paragraph break above)
            for i in range(16):
                if i < 8:
                    B[i] = A[i]  # copy
                else:
                    B[i] = A[i] * T.float32(2.0)  #
                x: T.float32 = A[i]  # a local scalar
                B[i] = x
            # at the end""")


def test_comments_are_off_by_default() -> None:
    text = "from tvmscript import tir as T\n@T.prim_func\ndef f(A: T.Buffer((1,), 'int32')):\n"
    text += "    A[0] = 1  # one\n"
    assert "#" not in tvmscript.from_source(text).script().split("\n", 3)[3]


_TIR = corpus_rows("tir")
_HANDWRITTEN = [p for p in _TIR if p.kind == "handwritten"]


@pytest.mark.parametrize("program", _HANDWRITTEN, ids=lambda p: f"{p.id}_{p.name}")
def test_comments_of_handwritten_programs_are_kept(program: CorpusProgram) -> None:
    extra = program.meta_extra_vars()
    printed, texts = _print_with_comments(program.text, extra)
    again, texts_again = _print_with_comments(printed, extra)
    assert Counter(texts_again) == Counter(texts)
    assert again == printed


@pytest.mark.parametrize("program", _TIR, ids=lambda p: f"{p.id}_{p.name}")
def test_injected_comments_are_kept_and_printing_is_idempotent(program: CorpusProgram) -> None:
    extra = program.meta_extra_vars()
    text = _with_injected_comments(program.text)
    printed, texts = _print_with_comments(text, extra)
    assert texts, "the injection added comments"
    again, texts_again = _print_with_comments(printed, extra)
    assert Counter(texts_again) == Counter(texts)
    assert again == printed
    plain = tvmscript.from_source(program.text, extra_vars=extra)
    tvmscript.ir.assert_structural_equal(tvmscript.from_source(printed, extra_vars=extra), plain)
