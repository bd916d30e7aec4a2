"""Each diagnostic code: its message and exact span (line, column, end), and no leaks."""

from __future__ import annotations

import pytest
from conftest import script

from tvmscript import check_source
from tvmscript.diagnostics import Diagnostic, render

HEADER = "from tvmscript import tir as T\n"


def only(text: str) -> Diagnostic:
    diagnostics = [d for d in check_source(HEADER + text) if d.severity == "error"]
    assert len(diagnostics) == 1, diagnostics
    assert "tvmscript/" not in render(diagnostics)
    return diagnostics[0]


def where(d: Diagnostic) -> tuple[str, int, int, int, int]:
    return (d.code, d.line, d.column, d.end_line, d.end_column)


def test_syntax_error_is_reported_at_the_offending_token() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = = 1
    """)
    )
    assert where(d) == ("syntax-error", 5, 12, 5, 13)
    assert d.message == "invalid syntax"


def test_undefined_name_is_reported_at_its_use() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            C[0] = T.float32(1)
    """)
    )
    assert where(d) == ("undefined-name", 5, 5, 5, 6)
    assert d.message == "undefined name 'C'"


def test_unknown_t_attribute_suggests_the_closest_name() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in T.serail(4):
                A[i] = T.float32(0)
    """)
    )
    assert where(d) == ("unknown-attribute", 5, 14, 5, 22)
    assert d.message == "'T' has no attribute 'serail'; did you mean 'serial'?"


def test_wrong_argument_count_names_the_signature() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in T.serial(0, 4, 1, 2, 3):
                A[i] = T.float32(0)
    """)
    )
    assert where(d) == ("invalid-call", 5, 14, 5, 37)
    assert d.message == (
        "T.serial(): too many positional arguments; "
        "expected T.serial(start, stop=None, *, annotations=None, step=None, unroll=None, "
        "dtype=None)"
    )


def test_wrong_argument_type_is_invalid_argument() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            with T.sblock(5):
                A[0] = T.float32(0)
    """)
    )
    assert where(d) == ("invalid-argument", 5, 10, 5, 21)
    assert d.message == "expected a block name string, got 5"


def test_dtype_mismatch_between_operands() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32"), H: T.handle):
            A[0] = A[1] + H
    """)
    )
    assert where(d) == ("dtype-mismatch", 5, 12, 5, 20)
    assert d.message == "cannot match types 'float32' and 'handle'"


def test_lossy_store_is_a_dtype_mismatch_warning() -> None:
    [d] = check_source(
        HEADER
        + script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "int32")):
            B[0] = A[0]
    """)
    )
    assert d.severity == "warning"
    assert where(d) == ("dtype-mismatch", 5, 5, 5, 9)
    assert d.message == (
        "storing a 'float32' value into 'B' of dtype 'int32' casts it and may lose precision"
    )


def test_buffer_loaded_with_too_few_indices_is_a_region() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4, 4), "float32"), B: T.Buffer((4,), "float32")):
            B[0] = A[0]
    """)
    )
    # As TVM 0.27: a 2-D buffer indexed once is a region, and a region cannot be stored.
    assert where(d) == ("invalid-argument", 5, 5, 5, 9)
    assert d.message == "expected a TIR expression to store, got 'BufferRegion'"


def test_buffer_rank_mismatch_on_store() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4, 4), "float32")):
            A[0, 1, 2] = T.float32(0)
    """)
    )
    assert where(d) == ("buffer-rank-mismatch", 5, 5, 5, 15)
    assert d.message == "buffer 'A' has 2 dimensions but is indexed with 3"


def test_store_to_loop_variable() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in range(4):
                i = 2
    """)
    )
    assert where(d) == ("store-to-loop-var", 6, 9, 6, 10)
    assert d.message == "cannot assign to loop variable 'i'"


def test_sblock_axis_bound_to_unknown_variable() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in range(4):
                with T.sblock("b"):
                    vi = T.axis.spatial(4, j)
                    A[vi] = T.float32(0)
    """)
    )
    assert where(d) == ("undefined-name", 7, 36, 7, 37)


def test_unsupported_python_syntax() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = [x for x in range(3)][0]
    """)
    )
    assert where(d) == ("unsupported-syntax", 5, 12, 5, 33)
    assert d.message == "list comprehensions are not supported in TVMScript"


def test_try_statement_is_unsupported() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            try:
                A[0] = T.float32(0)
            except Exception:
                pass
    """)
    )
    assert where(d) == ("unsupported-syntax", 5, 5, 8, 13)
    assert d.message == "'try' is not supported in TVMScript"


def test_statement_outside_the_dialect() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            class C:
                pass
    """)
    )
    assert where(d) == ("wrong-dialect", 5, 5, 6, 13)
    assert d.message == "'class' is not supported here"


def test_errors_in_every_definition_are_all_reported() -> None:
    diagnostics = check_source(
        HEADER
        + script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = x
            A[1] = y

        @T.prim_func
        def g(A: T.Buffer((4,), "float32")):
            A[0] = z
    """)
    )
    assert [(d.code, d.line) for d in diagnostics] == [
        ("undefined-name", 5),
        ("undefined-name", 6),
        ("undefined-name", 10),
    ]


def test_an_error_is_reported_once_not_cascaded() -> None:
    diagnostics = check_source(
        HEADER
        + script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            B = T.alloc_buffer((4,), undefined_dtype)
            B[0] = T.float32(1)
            A[0] = B[0]
    """)
    )
    assert [(d.code, d.line) for d in diagnostics] == [("undefined-name", 5)]


def test_definitions_after_a_syntax_error_are_still_checked() -> None:
    diagnostics = check_source(
        HEADER
        + script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = (

        @T.prim_func
        def g(A: T.Buffer((4,), "float32")):
            A[0] = missing
    """)
    )
    assert [d.code for d in diagnostics] == ["syntax-error", "undefined-name"]
    assert diagnostics[1].line == 9


def test_internal_errors_become_one_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    from tvmscript.script.parser.tir import handlers

    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(handlers.B, "evaluate", explode)
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            T.call_extern("int32", "f")
    """)
    )
    assert where(d) == ("internal-error", 5, 5, 5, 32)
    assert d.message == "internal error, please report: RuntimeError: boom"


def test_axis_outside_a_block_is_a_misplaced_call() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            for i in range(4):
                vi = T.axis.spatial(4, i)
    """)
    )
    assert where(d) == ("misplaced-call", 6, 14, 6, 34)
    assert d.message == "T.axis must be inside a T.sblock"


def test_calling_a_non_callable() -> None:
    d = only(
        script("""
        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            A[0] = A.dtype(1)
    """)
    )
    assert where(d) == ("not-callable", 5, 12, 5, 19)
    assert d.message == "'str' object is not callable"


def test_calling_python_code_is_refused() -> None:
    d = only(
        script("""
        import os

        @T.prim_func
        def f(A: T.Buffer((4,), "float32")):
            T.evaluate(print("hello"))
    """)
    )
    assert where(d) == ("unsupported-call", 7, 16, 7, 21)
    assert d.message == "'print' cannot be used in TVMScript"


def test_from_source_needs_exactly_one_definition() -> None:
    import pytest

    from tvmscript import DiagnosticError, from_source

    with pytest.raises(DiagnosticError) as info:
        from_source("x = 1\n")
    [d] = info.value.diagnostics
    assert (d.code, d.line) == ("definition-count", 1)
    assert d.message == "expected exactly one, found no TVMScript definition"
