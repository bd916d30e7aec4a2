from __future__ import annotations

from tvmscript.script.outline import Symbol, outline

from .lsp_helpers import source

TEXT = source("""
    from tvm.script import ir as I
    from tvm.script import tirx as T

    N = 8

    @I.ir_module
    class Module:
        @T.prim_func(
            private=True
        )
        def f(a: T.Buffer((N,), "float32")):
            a[0] = T.float32(1)

        @T.prim_func
        def g(a: T.Buffer((N,), "float32")):
            a[0] = T.float32(2)
    # trailing comment

    def plain():
        pass
""")


def test_outline_finds_module_and_its_functions() -> None:
    [module] = outline(TEXT).definitions
    assert module.symbol == Symbol("Module", "ir_module", 6, 6)
    assert (module.start, module.end) == (5, 16)
    assert module.methods == (
        Symbol("f", "prim_func", 10, 8),
        Symbol("g", "prim_func", 14, 8),
    )


def test_outline_symbol_at_is_on_the_name_only() -> None:
    doc = outline(TEXT)
    found = doc.symbol_at(14, 9)
    assert found is not None
    assert found[1].name == "g"
    assert doc.symbol_at(14, 4) is None
    assert doc.symbol_at(19, 5) is None


def test_outline_prelude_is_imports_and_constants_above() -> None:
    assert outline(TEXT).prelude_before(5) == (
        "from tvm.script import ir as I\nfrom tvm.script import tirx as T\nN = 8\n"
    )
