"""Doc tree → text: layout, literals and precedence (TVM 0.27's python_doc_printer)."""

from __future__ import annotations

import pytest

from tvmscript.script.printer import doc as D
from tvmscript.script.printer.doc_printer import format_float, to_python_script

K = D.OpKind


def op(kind: D.OpKind, *operands: D.ExprDoc) -> D.OperationDoc:
    return D.OperationDoc(kind, list(operands))


def idd(name: str) -> D.IdDoc:
    return D.IdDoc(name)


A, B, C = idd("a"), idd("b"), idd("c")


@pytest.mark.parametrize(
    ("doc", "text"),
    [
        (op(K.ADD, A, op(K.MULT, B, C)), "a + b * c"),
        (op(K.MULT, op(K.ADD, A, B), C), "(a + b) * c"),
        (op(K.SUB, A, op(K.SUB, B, C)), "a - (b - c)"),
        (op(K.SUB, op(K.SUB, A, B), C), "a - b - c"),
        (op(K.POW, A, op(K.POW, B, C)), "a ** b ** c"),
        (op(K.POW, op(K.POW, A, B), C), "(a ** b) ** c"),
        (op(K.POW, A, op(K.USUB, B)), "a ** -b"),
        (op(K.USUB, op(K.ADD, A, B)), "-(a + b)"),
        (op(K.NOT, op(K.EQ, A, B)), "not a == b"),
        (op(K.AND, A, op(K.OR, B, C)), "a and (b or c)"),
        (op(K.OR, op(K.AND, A, B), C), "a and b or c"),
        (op(K.IF_THEN_ELSE, A, B, C), "b if a else c"),
        (op(K.BIT_AND, op(K.LSHIFT, A, B), C), "a << b & c"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_doc_printer_precedence(doc: D.ExprDoc, text: str) -> None:
    assert to_python_script(D.ExprStmtDoc(doc)) == text


def test_doc_printer_call_with_keywords() -> None:
    call = (
        idd("T")
        .attr("alloc_buffer")
        .call(D.TupleDoc([D.LiteralDoc(8)]), kwargs=[("scope", D.LiteralDoc("shared"))])
    )
    assert to_python_script(D.ExprStmtDoc(call)) == 'T.alloc_buffer((8,), scope="shared")'


def test_doc_printer_index_and_slices() -> None:
    index = A[[D.SliceDoc(B, op(K.ADD, B, D.LiteralDoc(8))), D.SliceDoc(None, None, C)]]
    assert to_python_script(D.ExprStmtDoc(index)) == "a[b:b + 8, ::c]"
    assert to_python_script(D.ExprStmtDoc(A[[]])) == "a[()]"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (0.5, "0.5"),
        (0.1, "0.10000000000000001"),
        (1e-05, "1.0000000000000001e-05"),
        (3.4028234663852886e38, "340282346638528859811704183484516925440.0"),
        (float("inf"), '"inf"'),
        (float("nan"), '"nan"'),
    ],
)
def test_doc_printer_float_literals(value: float, text: str) -> None:
    assert format_float(value) == text


def test_doc_printer_literals() -> None:
    docs = [D.LiteralDoc(None), D.LiteralDoc(True), D.LiteralDoc(-3), D.LiteralDoc('a"b\n')]
    text = to_python_script(D.ExprStmtDoc(D.ListDoc(docs)))  # type: ignore[arg-type]
    assert text == '[None, True, -3, "a\\"b\\n"]'


def test_doc_printer_function_and_class_layout() -> None:
    body = [D.AssignDoc(idd("x"), D.LiteralDoc(1)), D.ForDoc(idd("i"), idd("r"), [])]
    func = D.FunctionDoc(idd("f"), [D.AssignDoc(idd("a"), None, idd("int"))],
                         [idd("deco")], None, body)  # fmt: skip
    cls = D.ClassDoc(idd("Module"), [idd("I").attr("ir_module")], [func, func])
    text = to_python_script(D.StmtBlockDoc([D.comment("header"), D.comment(""), cls]))
    assert text == (
        "# header\n"
        "#\n"  # an empty comment is a bare "#" (source comments keep theirs)
        "@I.ir_module\n"
        "class Module:\n"
        "    @deco\n"
        "    def f(a: int):\n"
        "        x = 1\n"
        "        for i in r:\n"
        "            pass\n"
        "\n"
        "    @deco\n"
        "    def f(a: int):\n"
        "        x = 1\n"
        "        for i in r:\n"
        "            pass"
    )


def test_doc_printer_tuple_assign_and_scope() -> None:
    assign = D.AssignDoc(D.TupleDoc([A, B]), D.TupleDoc([C, C]))
    scope = D.ScopeDoc(A, idd("ctx"), [D.IfDoc(B, [assign], [D.ExprStmtDoc(C)])])
    assert to_python_script(scope) == (
        "with ctx as a:\n    if b:\n        a, b = c, c\n    else:\n        c"
    )


def test_doc_printer_comments() -> None:
    stmt = D.AssignDoc(A, B, comment="why")
    loop = D.ForDoc(A, B, [stmt], comment="two\nlines")
    assert to_python_script(loop) == "# two\n# lines\nfor a in b:\n    a = b  # why"


def test_doc_printer_lambda_and_dict() -> None:
    lam = D.LambdaDoc([A, B], op(K.ADD, A, B))
    dct = D.DictDoc([D.LiteralDoc("k")], [lam])
    assert to_python_script(D.ExprStmtDoc(dct)) == '{"k": lambda a, b: a + b}'
