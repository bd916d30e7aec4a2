from __future__ import annotations

from tvmscript_server.formatting import apply, format_source

from .lsp_helpers import source

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


def test_formatting_rewrites_only_the_definition() -> None:
    replacements, skipped = format_source(MESSY)
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


def test_formatting_is_idempotent() -> None:
    once = apply(MESSY, format_source(MESSY)[0])
    assert format_source(once) == ([], [])


def test_formatting_skips_a_definition_with_errors() -> None:
    text = source("""
        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            C[0] = T.float32(1)
    """)
    replacements, [skipped] = format_source(text)
    assert replacements == []
    assert (skipped.name, skipped.line, skipped.reason) == ("f", 0, "it has errors")


def test_formatting_keeps_a_comment_the_printer_reproduces() -> None:
    text = source("""
        @T.prim_func(s_tir=True)
        def f(a: T.Buffer((4, 4), "float32")):
            # with T.sblock("root"):
            for i, j in T.grid(4, 4):
                with T.sblock("b"):
                    vi, vj = T.axis.remap("SS", [i, j])
                    a[vi, vj] = T.float32(0)
    """)
    [replacement], skipped = format_source(text)
    assert skipped == []
    assert '    # with T.sblock("root"):\n' in replacement.text
