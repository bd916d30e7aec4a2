"""The layout mode's rules: blank lines around definitions, ranges, options, refusals, cache."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tvmscript.script.formatter import (
    FormatOptions,
    Skipped,
    apply,
    format_source,
    format_text,
    options_for,
    ruff_layout,
)
from tvmscript.script.formatter import layout as layout_module


def src(text: str) -> str:
    return textwrap.dedent(text).removeprefix("\n")


LONG = (
    "from tvm.script import tirx as T\n\nN = 8\n\n\n@T.prim_func\n"
    'def f(a: T.Buffer((N, 32), "float32"), b: T.Buffer((N, 32), "float32"), '
    'c: T.Buffer((N, 32), "float32")):\n'
    "    c[0, 0] = a[0, 0]+b[0, 0]\n"
)


def test_layout_wraps_a_long_signature_one_parameter_per_line_and_keeps_names() -> None:
    formatted, skipped = format_text(LONG)
    assert skipped == []
    assert formatted == LONG.replace(
        'def f(a: T.Buffer((N, 32), "float32"), b: T.Buffer((N, 32), "float32"), '
        'c: T.Buffer((N, 32), "float32")):\n    c[0, 0] = a[0, 0]+b[0, 0]',
        'def f(\n    a: T.Buffer((N, 32), "float32"),\n    b: T.Buffer((N, 32), "float32"),\n'
        '    c: T.Buffer((N, 32), "float32"),\n):\n    c[0, 0] = a[0, 0] + b[0, 0]',
    )


def test_layout_line_length_is_an_option() -> None:
    formatted, _ = format_text(LONG, options=FormatOptions(line_length=120))
    assert 'def f(a: T.Buffer((N, 32), "float32"), b: T' in formatted
    assert "a[0, 0] + b[0, 0]" in formatted


def test_layout_puts_two_blank_lines_around_definitions_as_black_does() -> None:
    text = src("""
        from tvm.script import tirx as T
        x = 1
        # about f
        @T.prim_func
        def f(a: T.Buffer((1,), "int32")):
            a[0] = 1
        y = 2
        @T.prim_func
        def g(a: T.Buffer((1,), "int32")):
            a[0] = 2




    """)
    assert format_text(text) == (
        src("""
            from tvm.script import tirx as T
            x = 1


            # about f
            @T.prim_func
            def f(a: T.Buffer((1,), "int32")):
                a[0] = 1


            y = 2


            @T.prim_func
            def g(a: T.Buffer((1,), "int32")):
                a[0] = 2
        """),
        [],
    )


def test_layout_at_the_start_of_a_file_leaves_no_blank_line() -> None:
    text = '\n\n@T.prim_func\ndef f(a: T.Buffer((1,), "int32")):\n    a[0] = 1\n'
    assert format_text(text)[0] == text.lstrip("\n")


def test_layout_of_a_file_without_a_final_newline_keeps_it_so() -> None:
    text = 'import x\n@T.prim_func\ndef f(a: T.Buffer((1,), "int32")):\n    a[0] =  1'
    assert format_text(text)[0] == (
        'import x\n\n\n@T.prim_func\ndef f(a: T.Buffer((1,), "int32")):\n    a[0] = 1'
    )


def test_layout_changes_nothing_in_module_code() -> None:
    text = src("""
        import numpy as np
        x = np.zeros( 3 )   # module code stays as written


        @T.prim_func
        def f(a: T.Buffer((1,), "int32")):
            a[0] = 1


        def other( ):  return   1
    """)
    assert format_text(text) == (text, [])


def test_layout_of_a_range_formats_the_definitions_it_touches_and_their_blank_lines() -> None:
    text = src("""
        @T.prim_func
        def f(a: T.Buffer((1,), "int32")):
            a[0] =  1
        @T.prim_func
        def g(a: T.Buffer((1,), "int32")):
            a[0] =  2
        x = 1
    """)
    [only_g], _ = format_source(text, [(5, 5)])
    assert apply(text, [only_g]) == text.replace(
        "@T.prim_func\ndef g", "\n\n@T.prim_func\ndef g"
    ).replace("a[0] =  2\nx", "a[0] = 2\n\n\nx")
    both, _ = format_source(text, [(0, 0), (4, 4)])
    assert [(r.start, r.end) for r in both] == [(0, 3), (3, 6)]  # no overlap
    assert format_source(text, [(7, 7)]) == ([], [])  # module code only


def test_layout_refuses_a_definition_that_is_not_python_and_formats_the_others() -> None:
    text = src("""
        @T.prim_func
        def f(a: T.Buffer((1,), "int32")):
            a[0] =  = 1


        @T.prim_func
        def g(a: T.Buffer((1,), "int32")):
            a[0] =  2
    """)
    formatted, skipped = format_text(text)
    assert skipped == [Skipped("f", 0, "it is not valid Python: invalid syntax (line 3)")]
    assert formatted == text.replace("a[0] =  2", "a[0] = 2")


def test_layout_formats_a_definition_with_tvmscript_errors() -> None:
    # Layout never changes what the code says: an undefined name stays undefined.
    text = '@T.prim_func\ndef f(a: T.Buffer((1,), "int32")):\n    b[0] =  1\n'
    assert format_text(text) == (text.replace("=  1", "= 1"), [])


def test_layout_refuses_a_result_that_would_be_another_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = ruff_layout.RuffRun.result

    def altered(run: ruff_layout.RuffRun) -> str:
        return real(run).replace("(N,)", "(8,)")

    monkeypatch.setattr(ruff_layout.RuffRun, "result", altered)
    layout_module.forget_layouts()
    text = 'N = 8\n\n\n@T.prim_func\ndef f(a: T.Buffer((N,), "int32")):\n    a[0] =  1\n'
    assert format_text(text) == (
        text,
        [Skipped("f", 3, "the formatted text parses to a different program")],
    )
    layout_module.forget_layouts()


def test_layout_without_ruff_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ruff_layout, "ruff_binary", lambda: None)
    layout_module.forget_layouts()
    text = '@T.prim_func\ndef f(a: T.Buffer((1,), "int32")):\n    a[0] =  1\n'
    _, [skipped] = format_text(text)
    assert skipped.reason == "ruff could not format it: ruff is not installed (pip install ruff)"
    layout_module.forget_layouts()


def test_layout_runs_ruff_only_on_what_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    layout_module.forget_layouts()
    runs: list[str] = []
    real = ruff_layout.RuffRun.__init__

    def counted(run: ruff_layout.RuffRun, text: str, options: FormatOptions) -> None:
        runs.append(text)
        real(run, text, options)

    monkeypatch.setattr(ruff_layout.RuffRun, "__init__", counted)
    text = LONG + '\n\n@T.prim_func\ndef g(a: T.Buffer((1,), "int32")):\n    a[0] = 1\n'
    format_text(text)
    format_text(text.replace("a[0] = 1", "a[0] =  2"))
    assert len(runs) == 2
    assert "def f(" not in runs[1]  # f's outcome was remembered
    layout_module.forget_layouts()


def test_layout_honours_fmt_off_in_one_definition_only() -> None:
    text = src("""
        @T.prim_func
        def f(a: T.Buffer((1,), "int32")):
            # fmt: off
            a[0] =  1


        @T.prim_func
        def g(a: T.Buffer((1,), "int32")):
            a[0] =  2
    """)
    assert format_text(text)[0] == text.replace("a[0] =  2", "a[0] = 2")


def _project(tmp_path: Path, pyproject: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "pkg").mkdir()
    return tmp_path / "pkg" / "k.py"


@pytest.mark.parametrize(
    ("pyproject", "length"),
    [
        ("[tool.tvmscript]\nline-length = 60\n[tool.ruff]\nline-length = 100\n", 60),
        ("[tool.ruff]\nline-length = 100\n[tool.black]\nline-length = 70\n", 100),
        ("[tool.black]\nline-length = 70\n", 70),
        ("[tool.black]\ntarget-version = ['py311']\n", 88),
        ("[project]\nname = 'x'\n", 88),
    ],
)
def test_options_read_the_line_length_of_the_nearest_project(
    tmp_path: Path, pyproject: str, length: int
) -> None:
    assert options_for(_project(tmp_path, pyproject)).line_length == length


def test_options_read_ruff_toml_and_black_switches(tmp_path: Path) -> None:
    path = _project(tmp_path, "[tool.black]\nskip-string-normalization = true\n")
    options = options_for(path)
    assert options.ruff_settings == ("format.quote-style = 'preserve'",)
    text = "@T.prim_func\ndef f(a: T.Buffer((1,), 'int32')):\n    a[0] =  1\n"
    assert format_text(text, options=options)[0] == text.replace("=  1", "= 1")
    (tmp_path / "pkg" / "ruff.toml").write_text("line-length = 72\n")
    assert options_for(path).line_length == 72
    assert options_for(None).line_length == 88
    assert options_for(path, line_length=50).line_length == 50


def test_layout_leaves_a_definition_cut_short_by_a_half_typed_line() -> None:
    """A column-0 line being typed ends the definition for the outline; it stays as written."""
    text = src("""
        @T.prim_func
        def f(a: T.Buffer((4,), "int32"), b: T.Buffer((4,), "int32")):
            for i in range(4):
                a[i] = b[i] ,
        i]


        @T.prim_func
        def g(a: T.Buffer((1,), "int32")):
            a[0] =  2
    """)
    formatted, skipped = format_text(text)
    assert skipped == [
        Skipped("f", 0, "the file is not valid Python after it: unmatched ']' (line 5)")
    ]
    assert formatted == text.replace("a[0] =  2", "a[0] = 2")
