"""Python operators on expressions follow TVM 0.27's dtype and folding rules.

Each expected text was checked against the real TVM 0.27.
"""

from __future__ import annotations

import pytest

from tvmscript.core.tir.expr import PrimExpr, Var

c, u = Var("c", "int8"), Var("u", "uint8")
x, n = Var("x", "int32"), Var("n", "int64")
h, f, d = Var("h", "float16"), Var("f", "float32"), Var("d", "float64")
p = Var("p", "bool")

CASES: list[tuple[str, PrimExpr, str]] = [
    ("narrow int + literal promotes to int32", c + 3, 'T.Cast("int32", c) + 3'),
    ("int64 + literal keeps int64", n + 3, "n + T.int64(3)"),
    (
        "float16 + float literal promotes to float32",
        h + 2.5,
        'T.Cast("float32", h) + T.float32(2.5)',
    ),
    ("float16 + int literal keeps float16", h + 3, "h + T.float16(3.0)"),
    ("int + float literal casts the int", x + 2.5, 'T.Cast("float32", x) + T.float32(2.5)'),
    ("bool literal adopts the dtype", c + True, "c + T.int8(1)"),
    ("float64 + float literal keeps float64", d + 0.5, "d + T.float64(0.5)"),
    ("bitwise literal adopts narrow dtype", c & 3, "c & T.int8(3)"),
    ("shift literal adopts unsigned dtype", u >> 3, "u >> T.uint8(3)"),
    ("int32 + int64 widens", x + n, 'T.Cast("int64", x) + n'),
    ("signed and unsigned of one width: unsigned wins", c + u, 'T.Cast("uint8", c) + u'),
    ("bool + int casts the bool", p + x, 'T.Cast("int32", p) + x'),
    ("float16 + float32 widens", h + f, 'T.Cast("float32", h) + f'),
    ("negation is a multiply", -x, "x * -1"),
    ("adding zero folds", x + 0, "x"),
    ("multiplying by one folds", x * 1, "x"),
    ("x - x is kept", x - x, "x - x"),
    ("floordiv", x // 4, "x // 4"),
    ("floormod", x % 4, "x % 4"),
    ("out-of-range literal is int64", x + 2**40, 'T.Cast("int64", x) + T.int64(1099511627776)'),
]


@pytest.mark.parametrize(("case", "expr", "text"), CASES, ids=[c[0] for c in CASES])
def test_operator_builds_tvm_ir(case: str, expr: PrimExpr, text: str) -> None:
    assert expr.script() == text, case


def test_integer_true_division_is_refused_as_in_tvm() -> None:
    with pytest.raises(TypeError):
        _ = x / 2
