"""Expressions print straight to text: the registry, parentheses, and source paths."""

from __future__ import annotations

import pytest
from conftest import CorpusProgram, corpus_rows

import tvmscript
from tvmscript.core.tir import expr as E
from tvmscript.script.printer import doc as D
from tvmscript.script.printer import print_script
from tvmscript.script.printer.access_path import AccessPath
from tvmscript.script.printer.doc_printer import to_python_script
from tvmscript.script.printer.expr_text import Prec, binary_of, operation_of, wrap
from tvmscript.script.printer.ir_docsifier import IRDocsifier, PrinterConfig
from tvmscript.script.printer.tir.text import text_printed_classes

K = D.OpKind
_ABSTRACT = {E.PrimExpr, E.BinaryOp, E.CmpOp}


def test_every_expression_class_prints_as_text() -> None:
    classes = {
        cls
        for cls in vars(E).values()
        if isinstance(cls, type) and issubclass(cls, E.PrimExpr) and cls not in _ABSTRACT
    }
    assert classes - text_printed_classes() == set()


@pytest.mark.parametrize(
    ("kind", "operands", "text"),
    [
        (K.MULT, [("a + b", Prec.ADD), ("c", Prec.ATOM)], "(a + b) * c"),
        (K.SUB, [("a", Prec.ATOM), ("b - c", Prec.ADD)], "a - (b - c)"),
        (K.SUB, [("a - b", Prec.ADD), ("c", Prec.ATOM)], "a - b - c"),
        (K.NOT, [("a == b", Prec.COMPARISON)], "not a == b"),
        (K.POW, [("a", Prec.ATOM), ("-b", Prec.UNARY)], "a ** -b"),
        (K.IF_THEN_ELSE, [("a", Prec.ATOM), ("b", Prec.ATOM), ("c", Prec.ATOM)], "b if a else c"),
    ],
)
def test_text_operands_parenthesised_as_docs(
    kind: D.OpKind, operands: list[tuple[str, int]], text: str
) -> None:
    assert operation_of(kind, operands) == text
    # The same operands as already-printed docs inside a doc tree print the same.
    docs: list[D.ExprDoc] = [D.TextDoc(t, p) for t, p in operands]
    assert to_python_script(D.OperationDoc(kind, docs)) == text


def test_wrap_right_operand_of_equal_precedence() -> None:
    assert wrap("a + b", Prec.ADD, Prec.ADD) == "a + b"
    assert wrap("a + b", Prec.ADD, Prec.ADD, same_too=True) == "(a + b)"
    assert wrap("a + b", Prec.ADD, Prec.MULT) == "(a + b)"


def _docs_with_paths(doc: D.Doc) -> tuple[int, int]:
    """(docs with source paths, all docs) under ``doc``."""
    with_paths = total = 0
    stack: list[object] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, D.Doc):
            continue
        total += 1
        with_paths += bool(node.source_paths)
        for name in node.__slots__:  # type: ignore[attr-defined]
            if name != "source_paths":
                stack.append(getattr(node, name))
    return with_paths, total


@pytest.mark.parametrize("program", corpus_rows("tir")[::8], ids=lambda p: f"{p.id}_{p.name}")
def test_source_paths_keep_the_text_and_record_paths(program: CorpusProgram) -> None:
    obj = tvmscript.from_source(program.text, extra_vars=program.meta_extra_vars())
    assert print_script(obj, source_paths=True) == obj.script()
    d = IRDocsifier(PrinterConfig(source_paths=True))
    doc = d.as_doc(obj, AccessPath.root())
    with_paths, _ = _docs_with_paths(doc)
    assert doc.source_paths == (AccessPath.root(),)
    assert with_paths > 1


def test_expression_doc_carries_its_path() -> None:
    src = """
from tvmscript import tir as T

@T.prim_func
def main(A: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = A[i] * T.float32(2)
"""
    func = tvmscript.from_source(src)
    d = IRDocsifier(PrinterConfig(source_paths=True))
    fdoc = d.as_doc(func, AccessPath.root())
    loop = fdoc.body[0]
    store = loop.body[0]
    assert isinstance(store, D.AssignDoc)
    assert isinstance(store.rhs, D.TextDoc)
    assert store.rhs.text == "A[i] * T.float32(2.0)"
    assert [repr(p) for p in store.rhs.source_paths] == ["<root>.body.body.value"]
    assert [repr(p) for p in store.source_paths] == ["<root>.body.body"]


@pytest.mark.parametrize("kind", [k for k in K if K.NOT < k < K.IF_THEN_ELSE and k != K.POW])
def test_binary_fast_path_agrees_with_operation_rule(kind: D.OpKind) -> None:
    for pa in Prec:
        for pb in Prec:
            a, b = ("a", int(pa)), ("b", int(pb))
            assert binary_of(kind, a, b) == operation_of(kind, [a, b])
