"""Record Relax struct-info inference test data from Apache TVM 0.27.

Every case below is a tiny, complete TVMScript text that a user could write (a lone
``@R.function`` or an ``@I.ir_module``).  This script parses each case with TVM, and writes
what TVM inferred, one JSON file per operator family, next to this script:

* accepted cases: ``printed`` is ``obj.script()`` (it shows the struct info TVM inferred for
  every binding) and ``roundtrip`` says whether ``tvm.script.from_source(printed)`` is
  structurally equal to the parsed object;
* rejected cases: ``line``/``column`` (1-based, in ``source``) and ``message`` (the first line
  of TVM's diagnostic, without its ``error: `` prefix).

Run it with the throw-away TVM venv (TVM is only an oracle here; nothing of it is copied):

    /work/tvm-venv/bin/python tests/data/relax_inference/record.py            # re-record all
    /work/tvm-venv/bin/python tests/data/relax_inference/record.py --only nn --show
    /work/tvm-venv/bin/python tests/data/relax_inference/record.py --check   # compare only

How the texts are parsed: ``tvm.script.from_source`` rejects ``import`` statements, so the
``from tvm.script import ...`` lines are turned into comments (keeping every line number; the
default parser globals already bind ``R``, ``T`` and ``I``), exactly like the comment headers
TVM itself prints.  Unless ``--no-file-check`` is given, each case is also written to a real
file and imported, so that the decorator parses it the way it does for a user, and the two
results (printed text, or error line/column/message) must agree.  For rejected texts they may
differ in where the error is reported (well-formedness errors, and errors Python raises while
evaluating an annotation); such cases get a ``decorator`` entry with that path's result.

Each case states whether it is meant to be accepted; a case TVM judges otherwise is reported
(and makes the script exit non-zero), so the tables stay intentional.  Output is
deterministic: ``json.dump(..., sort_keys=True, indent=1)``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------------------------
# Case construction helpers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One TVMScript text, the operator it exercises and whether TVM should accept it."""

    name: str
    op: str
    source: str
    ok: bool = True


def _imports(text: str) -> str:
    mods = []
    if re.search(r"\bI\.", text):
        mods.append("from tvm.script import ir as I")
    mods.append("from tvm.script import relax as R")
    if re.search(r"\bT\.", text):
        mods.append("from tvm.script import tirx as T")
    return "\n".join(mods) + "\n"


def fn(params: str, *body: str, ret: str | None = None, pure: bool = True) -> str:
    """A lone ``@R.function def f(<params>)`` whose body is ``body``.

    It returns ``ret`` or else the target of the last assignment in ``body``.
    """
    if ret is None:
        targets = [b.split("=", 1)[0].strip() for b in body if re.match(r"^\w+\s*=", b)]
        ret = targets[-1] if targets else "R.tuple()"
    deco = "@R.function" if pure else "@R.function(pure=False)"
    lines = [deco, f"def f({params}):"]
    lines += ["    " + b for b in body]
    lines.append(f"    return {ret}")
    text = "\n".join(lines) + "\n"
    return _imports(text) + "\n" + text


def mod(body: str) -> str:
    """An ``@I.ir_module class Module`` text; ``body`` is the class body, indented 4."""
    text = "@I.ir_module\nclass Module:\n" + body.strip("\n") + "\n"
    return _imports(text) + "\n" + text


_CALLEE = re.compile(r"R\.[\w.]+(?=\()")


def _op_of(texts: tuple[str, ...], op: str | None) -> str:
    """``op``, or else the first ``R.<name>(`` called in ``texts``."""
    if op is not None:
        return op
    for text in texts:
        m = _CALLEE.search(text)
        if m:
            return m.group(0)
    raise ValueError(f"no operator call in {texts!r}; pass op=")


def one(
    name: str, params: str, expr: str, *, op: str | None = None, pure: bool = True, ok: bool = True
) -> Case:
    """A function with the single binding ``y = <expr>`` (``out = `` if a parameter is ``y``).

    ``op`` defaults to the first ``R.<name>(`` called in ``expr``.
    """
    target = "out" if re.search(r"\by:", params) else "y"
    return Case(name, _op_of((expr,), op), fn(params, f"{target} = {expr}", pure=pure), ok)


def bad(name: str, params: str, expr: str, *, op: str | None = None, pure: bool = True) -> Case:
    """Like :func:`one`, for a text TVM must reject."""
    return one(name, params, expr, op=op, pure=pure, ok=False)


def body(
    name: str,
    params: str,
    *lines: str,
    op: str | None = None,
    ok: bool = True,
    ret: str | None = None,
    pure: bool = True,
) -> Case:
    """A function whose body is ``lines``; ``op`` defaults as for :func:`one`."""
    return Case(name, _op_of(lines, op), fn(params, *lines, ret=ret, pure=pure), ok)


def t(
    shape: str | None = None,
    dtype: str | None = "float32",
    ndim: int | None = None,
    name: str = "x",
) -> str:
    """A parameter ``name: R.Tensor(...)``; ``shape`` is the Python text of the shape."""
    args = []
    if shape is not None:
        args.append(shape)
    if dtype is not None:
        args.append(f'"{dtype}"' if shape is not None else f'dtype="{dtype}"')
    if ndim is not None:
        args.append(f"ndim={ndim}")
    return f"{name}: R.Tensor({', '.join(args)})"


def ps(*params: str) -> str:
    return ", ".join(params)


# Frequently used input variants: (suffix, parameter text)
def variants(dtype: str = "float32", name: str = "x") -> list[tuple[str, str]]:
    return [
        ("static", t("(2, 3)", dtype, name=name)),
        ("symbolic", t('("n", 4)', dtype, name=name)),
        ("ndim", t(None, dtype, 3, name=name)),
        ("unknown_ndim", t(None, dtype, name=name)),
        ("no_dtype", t('(2, "m")', None, name=name)),
        ("scalar", t("()", dtype, name=name)),
    ]


# --------------------------------------------------------------------------------------------
# Families (one JSON file each, in definition order)
# --------------------------------------------------------------------------------------------

FAMILIES: dict[str, Callable[[], list[Case]]] = {}


def family(func: Callable[[], list[Case]]) -> Callable[[], list[Case]]:
    """Register ``func`` as the case table of the family ``func.__name__``."""
    FAMILIES[func.__name__] = func
    return func


UNARY_FLOAT = [
    "acos",
    "acosh",
    "asin",
    "asinh",
    "atan",
    "atanh",
    "ceil",
    "cos",
    "cosh",
    "erf",
    "exp",
    "floor",
    "log",
    "negative",
    "round",
    "rsqrt",
    "sigmoid",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
    "abs",
    "sign",
]
UNARY_BOOL = ["isfinite", "isinf", "isnan"]


@family
def elementwise_unary() -> list[Case]:
    cases: list[Case] = []
    vs = variants()
    for i, op in enumerate(UNARY_FLOAT):
        suffix, param = vs[i % len(vs)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x)"))
    for suffix, param in vs:
        cases.append(one(f"exp_all_{suffix}", param, "R.exp(x)"))
    for i, op in enumerate(UNARY_BOOL):
        suffix, param = vs[(i * 2) % len(vs)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x)"))
    cases += [
        one("abs_int32", t("(2, 3)", "int32"), "R.abs(x)"),
        one("negative_int64_sym", t('("n",)', "int64"), "R.negative(x)"),
        bad("exp_int32", t("(2, 3)", "int32"), "R.exp(x)"),
        bad("sqrt_int64", t('("n",)', "int64"), "R.sqrt(x)"),
        one("isnan_int32", t("(4,)", "int32"), "R.isnan(x)"),
        one("bitwise_not_int32", t('("n", 3)', "int32"), "R.bitwise_not(x)"),
        one("bitwise_not_ndim", t(None, "uint8", 2), "R.bitwise_not(x)"),
        one("bitwise_not_float", t("(2,)", "float32"), "R.bitwise_not(x)"),
        one("logical_not_bool", t("(2, 3)", "bool"), "R.logical_not(x)"),
        one("logical_not_sym", t('("n",)', "bool"), "R.logical_not(x)"),
        one("logical_not_float", t("(2, 3)", "float32"), "R.logical_not(x)"),
        one("clip_static", t("(2, 3)"), "R.clip(x, 0.0, 6.0)"),
        one(
            "clip_sym_prim",
            t('("n", "m")'),
            "R.clip(x, R.prim_value(T.float32(-1)), R.prim_value(T.float32(1)))",
        ),
        one("clip_unknown_ndim", t(None, "float16"), "R.clip(x, 0, 1)"),
        one("exp_fp16_sym", t('("b", "s", 64)', "float16"), "R.exp(x)"),
        one("sigmoid_tensor_any", "x: R.Tensor", "R.sigmoid(x)"),
        bad("exp_two_args", ps(t("(2,)"), t("(2,)", name="z")), "R.exp(x, z)"),
        bad("exp_no_args", t("(2,)"), "R.exp()"),
        bad("exp_bad_keyword", t("(2,)"), "R.exp(data=x)"),
        bad("exp_on_shape", "s: R.Shape([2, 3])", "R.exp(s)"),
        bad("tanh_on_tuple", 'x: R.Tuple(R.Tensor((2,), "float32"))', "R.tanh(x)"),
        bad("abs_on_object", "x: R.Object", "R.abs(x)"),
        bad("sqrt_on_prim", 'x: R.Prim("float32")', "R.sqrt(x)"),
    ]
    return cases


BIN_ARITH = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "power",
    "mod",
    "floor_mod",
    "maximum",
    "minimum",
    "atan2",
    "log_add_exp",
]
BIN_CMP = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]
BIN_LOGICAL = ["logical_and", "logical_or", "logical_xor"]
BIN_BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"]


def bin_variants(dtype: str) -> list[tuple[str, str]]:
    return [
        ("bcast_static", ps(t("(2, 3, 4)", dtype), t("(3, 4)", dtype, name="y"))),
        ("bcast_ones", ps(t("(2, 1, 4)", dtype), t("(3, 1)", dtype, name="y"))),
        ("sym_same", ps(t('("n", "m")', dtype), t('("n", "m")', dtype, name="y"))),
        ("sym_one", ps(t('("n", 1)', dtype), t('(1, "m")', dtype, name="y"))),
        ("sym_diff", ps(t('("n",)', dtype), t('("m",)', dtype, name="y"))),
        ("ndim_static", ps(t(None, dtype, 3), t("(4,)", dtype, name="y"))),
        ("unknown_ndim", ps(t(None, dtype), t("(2, 3)", dtype, name="y"))),
        ("scalar", ps(t("()", dtype), t("(2, 3)", dtype, name="y"))),
        ("sym_static", ps(t('("n", 3)', dtype), t("(4, 3)", dtype, name="y"))),
        ("no_dtype", ps(t("(2, 3)", None), t("(2, 3)", dtype, name="y"))),
    ]


@family
def elementwise_binary() -> list[Case]:
    cases: list[Case] = []
    fv = bin_variants("float32")
    for suffix, param in fv:
        cases.append(one(f"add_{suffix}", param, "R.add(x, y)"))
    for i, op in enumerate(BIN_ARITH[1:]):
        suffix, param = fv[(i + 1) % len(fv)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x, y)"))
    for i, op in enumerate(BIN_CMP):
        suffix, param = fv[(i * 3) % len(fv)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x, y)"))
    bv = bin_variants("bool")
    for i, op in enumerate(BIN_LOGICAL):
        suffix, param = bv[(i * 2) % len(bv)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x, y)"))
    iv = bin_variants("int32")
    for i, op in enumerate(BIN_BITWISE):
        suffix, param = iv[(i * 2 + 1) % len(iv)]
        cases.append(one(f"{op}_{suffix}", param, f"R.{op}(x, y)"))
    two = ps(t("(2, 3)"), t("(2, 3)", name="y"))
    cases += [
        one("add_operator_sugar", two, "x + y", op="R.add"),
        one("multiply_operator_sugar", two, "x * y", op="R.multiply"),
        one("less_operator_sugar", two, "x < y", op="R.less"),
        one("add_const_scalar", t('("n", 3)'), 'R.add(x, R.const(1.0, "float32"))'),
        bad("multiply_const_int_on_float", t("(2, 3)"), 'R.multiply(x, R.const(2, "int32"))'),
        one("add_python_float", t("(2, 3)"), "R.add(x, 1.0)"),
        one("add_prim_value", t("(2, 3)"), "R.add(x, R.prim_value(T.float32(1)))"),
        one(
            "equal_int64_sym",
            ps(t('("n",)', "int64"), t("(1,)", "int64", name="y")),
            "R.equal(x, y)",
        ),
        one("power_fp16", ps(t("(8,)", "float16"), t("()", "float16", name="y")), "R.power(x, y)"),
        bad("add_incompatible_broadcast", ps(t("(2, 3)"), t("(4, 5)", name="y")), "R.add(x, y)"),
        bad(
            "multiply_incompatible_rank3",
            ps(t("(2, 3, 4)"), t("(2, 5, 4)", name="y")),
            "R.multiply(x, y)",
        ),
        bad(
            "add_dtype_mix_f32_f16",
            ps(t("(2, 3)"), t("(2, 3)", "float16", name="y")),
            "R.add(x, y)",
        ),
        bad(
            "subtract_dtype_mix_int_float",
            ps(t("(2, 3)", "int32"), t("(2, 3)", name="y")),
            "R.subtract(x, y)",
        ),
        one("less_dtype_mix", ps(t("(4,)", "int64"), t("(4,)", "int32", name="y")), "R.less(x, y)"),
        one("bitwise_and_float", two, "R.bitwise_and(x, y)"),
        one("left_shift_float", two, "R.left_shift(x, y)"),
        one("logical_and_float", two, "R.logical_and(x, y)"),
        bad("add_one_arg", t("(2, 3)"), "R.add(x)"),
        bad("add_three_args", two, "R.add(x, y, x)"),
        bad("add_bad_keyword", two, "R.add(x, other=y)"),
        bad("add_tensor_and_shape", ps(t("(2, 3)"), "s: R.Shape([2, 3])"), "R.add(x, s)"),
        one(
            "ewise_fma_static",
            ps(t("(2, 3)"), t("(2, 3)", name="y"), t("(2, 3)", name="z")),
            "R.ewise_fma(x, y, z)",
        ),
        one(
            "ewise_fma_symbolic",
            ps(t('("n", "m")'), t('("n", "m")', name="y"), t('("n", "m")', name="z")),
            "R.ewise_fma(x, y, z)",
        ),
        one(
            "ewise_fma_ndim",
            ps(
                t(None, "float32", 2),
                t(None, "float32", 2, name="y"),
                t(None, "float32", 2, name="z"),
            ),
            "R.ewise_fma(x, y, z)",
        ),
        bad(
            "ewise_fma_no_broadcast",
            ps(t("(2, 3)"), t("(3,)", name="y"), t("(2, 3)", name="z")),
            "R.ewise_fma(x, y, z)",
        ),
        bad(
            "ewise_fma_dtype_mix",
            ps(t("(2, 3)"), t("(2, 3)", "float16", name="y"), t("(2, 3)", name="z")),
            "R.ewise_fma(x, y, z)",
        ),
    ]
    return cases


REDUCE = ["sum", "mean", "max", "min", "prod"]


@family
def reduction() -> list[Case]:
    cases: list[Case] = []
    x3 = t("(2, 3, 4)")
    xs = t('("n", "m", 4)')
    xn = t(None, "float32", 3)
    xu = t(None, "float32")
    for op in REDUCE:
        cases.append(one(f"{op}_axis_keepdims", x3, f"R.{op}(x, axis=[1], keepdims=True)"))
    cases += [
        one("sum_all", x3, "R.sum(x)"),
        one("sum_all_keepdims", x3, "R.sum(x, keepdims=True)"),
        one("sum_negative_axis", x3, "R.sum(x, axis=-1)"),
        one("sum_two_axes", x3, "R.sum(x, axis=[0, 2])"),
        one("sum_symbolic", xs, "R.sum(x, axis=[1])"),
        one("mean_symbolic_keepdims", xs, "R.mean(x, axis=[0, 1], keepdims=True)"),
        one("max_ndim_axis", xn, "R.max(x, axis=1)"),
        one("min_ndim_all", xn, "R.min(x)"),
        one("prod_unknown_ndim_axis", xu, "R.prod(x, axis=[0])"),
        one("sum_unknown_ndim_all", xu, "R.sum(x)"),
        one("sum_unknown_ndim_keepdims", xu, "R.sum(x, axis=[1], keepdims=True)"),
        one("mean_int32", t("(4, 5)", "int32"), "R.mean(x, axis=0)"),
        one("sum_no_dtype", t("(4, 5)", None), "R.sum(x, axis=0)"),
        one("max_scalar_input", t("()"), "R.max(x)"),
        one("std_axis", x3, "R.std(x, axis=[2])"),
        one("variance_keepdims", xs, "R.variance(x, axis=-1, keepdims=True)"),
        one("argmax_axis", x3, "R.argmax(x, axis=1)"),
        one("argmax_all", x3, "R.argmax(x)"),
        one("argmax_all_keepdims", x3, "R.argmax(x, keepdims=True)"),
        one("argmin_keepdims_sym", xs, "R.argmin(x, axis=-2, keepdims=True)"),
        one("argmin_ndim", xn, "R.argmin(x, axis=0)"),
        one("argmax_unknown_ndim", xu, "R.argmax(x, axis=1)"),
        one("argmax_int8", t("(7,)", "int8"), "R.argmax(x, axis=0)"),
        bad("sum_axis_out_of_range", x3, "R.sum(x, axis=[3])"),
        bad("mean_negative_axis_out_of_range", x3, "R.mean(x, axis=-4)"),
        bad("sum_duplicate_axis", x3, "R.sum(x, axis=[1, -2])"),
        bad("max_ndim_axis_out_of_range", xn, "R.max(x, axis=[5])"),
        bad("argmax_axis_out_of_range", x3, "R.argmax(x, axis=3)"),
        bad("argmax_axis_list", x3, "R.argmax(x, axis=[0, 1])"),
        bad("sum_bad_keyword", x3, "R.sum(x, axis=[1], keepdim=True)"),
        bad("sum_on_shape", "s: R.Shape([2, 3])", "R.sum(s)"),
        bad("prod_two_positional_tensors", ps(x3, t("(2,)", name="z")), "R.prod(x, z)"),
    ]
    return cases


@family
def linear_algebra() -> list[Case]:
    mm = "R.matmul(x, y)"
    return [
        one("matmul_2d", ps(t("(2, 3)"), t("(3, 4)", name="y")), mm, op="R.matmul"),
        one(
            "matmul_batch_broadcast",
            ps(t("(2, 1, 3, 4)"), t("(5, 4, 6)", name="y")),
            mm,
            op="R.matmul",
        ),
        one("matmul_lhs_1d", ps(t("(3,)"), t("(2, 3, 4)", name="y")), mm, op="R.matmul"),
        one("matmul_rhs_1d", ps(t("(2, 3, 4)"), t("(4,)", name="y")), mm, op="R.matmul"),
        one("matmul_both_1d", ps(t("(4,)"), t("(4,)", name="y")), mm, op="R.matmul"),
        one(
            "matmul_symbolic",
            ps(t('("b", "n", "k")'), t('("k", "m")', name="y")),
            mm,
            op="R.matmul",
        ),
        one(
            "matmul_symbolic_batch",
            ps(t('("b", 1, "n", "k")'), t('("h", "k", "m")', name="y")),
            mm,
            op="R.matmul",
        ),
        one(
            "matmul_symbolic_k_mismatch_unprovable",
            ps(t('("n", "k")'), t('("j", "m")', name="y")),
            mm,
            op="R.matmul",
        ),
        one(
            "matmul_ndim",
            ps(t(None, "float32", 3), t(None, "float32", 2, name="y")),
            mm,
            op="R.matmul",
        ),
        one(
            "matmul_unknown_ndim", ps(t(None, "float32"), t("(3, 4)", name="y")), mm, op="R.matmul"
        ),
        one(
            "matmul_out_dtype",
            ps(t("(2, 3)", "int8"), t("(3, 4)", "int8", name="y")),
            'R.matmul(x, y, out_dtype="int32")',
        ),
        one(
            "matmul_fp16_out_f32",
            ps(t("(2, 3)", "float16"), t("(3, 4)", "float16", name="y")),
            'R.matmul(x, y, out_dtype="float32")',
        ),
        bad(
            "matmul_operator_sugar", ps(t("(2, 3)"), t("(3, 4)", name="y")), "x @ y", op="R.matmul"
        ),
        bad("matmul_reduction_mismatch", ps(t("(2, 3)"), t("(5, 4)", name="y")), mm, op="R.matmul"),
        bad(
            "matmul_batch_mismatch", ps(t("(2, 3, 4)"), t("(5, 4, 6)", name="y")), mm, op="R.matmul"
        ),
        bad(
            "matmul_dtype_mix", ps(t("(2, 3)"), t("(3, 4)", "float16", name="y")), mm, op="R.matmul"
        ),
        bad("matmul_scalar_operand", ps(t("()"), t("(3, 4)", name="y")), mm, op="R.matmul"),
        bad(
            "matmul_bad_keyword",
            ps(t("(2, 3)"), t("(3, 4)", name="y")),
            'R.matmul(x, y, dtype="float32")',
        ),
        one(
            "einsum_matmul", ps(t("(2, 3)"), t("(3, 4)", name="y")), 'R.einsum((x, y), "ij,jk->ik")'
        ),
        one(
            "einsum_batched",
            ps(t('("b", 2, 3)'), t('("b", 3, 4)', name="y")),
            'R.einsum((x, y), "bij,bjk->bik")',
        ),
        one("einsum_outer", ps(t("(3,)"), t("(5,)", name="y")), 'R.einsum((x, y), "i,j->ij")'),
        one("einsum_implicit", ps(t("(2, 3)"), t("(3, 4)", name="y")), 'R.einsum((x, y), "ij,jk")'),
        one("einsum_diag", t("(3, 3)"), 'R.einsum((x,), "ii->i")'),
        one("einsum_trace", t('("n", "n")'), 'R.einsum((x,), "ii")'),
        one(
            "einsum_ellipsis",
            ps(t("(5, 2, 3)"), t("(5, 3, 4)", name="y")),
            'R.einsum((x, y), "...ij,...jk->...ik")',
        ),
        bad(
            "einsum_dim_mismatch",
            ps(t("(2, 3)"), t("(4, 5)", name="y")),
            'R.einsum((x, y), "ij,jk->ik")',
        ),
        bad("einsum_operand_count", t("(2, 3)"), 'R.einsum((x,), "ij,jk->ik")'),
        bad(
            "einsum_dtype_mix",
            ps(t("(2, 3)"), t("(3, 4)", "float16", name="y")),
            'R.einsum((x, y), "ij,jk->ik")',
        ),
        one("outer_static", ps(t("(3,)"), t("(4,)", name="y")), "R.outer(x, y)"),
        one("outer_symbolic", ps(t('("n",)'), t('("m",)', name="y")), "R.outer(x, y)"),
        bad("outer_2d", ps(t("(3, 2)"), t("(4,)", name="y")), "R.outer(x, y)"),
        one(
            "linear_bias",
            ps(t("(2, 3)"), t("(4, 3)", name="w"), t("(4,)", name="b")),
            "R.linear(x, w, b)",
        ),
        one("linear_no_bias_sym", ps(t('("n", 3)'), t("(4, 3)", name="w")), "R.linear(x, w)"),
        bad("linear_mismatch", ps(t("(2, 3)"), t("(4, 5)", name="w")), "R.linear(x, w)"),
    ]


# --------------------------------------------------------------------------------------------


@family
def manipulation() -> list[Case]:
    x3 = t("(2, 3, 4)")
    xs = t('("n", "m")')
    xn = t(None, "float32", 3)
    xu = t(None, "float32")
    two_sym = ps(t('("n", 4)'), t('("m", 4)', name="y"))

    def i64(shape: str, name: str = "i") -> str:
        return t(shape, "int64", name=name)

    return [
        # reshape
        one("reshape_static", x3, "R.reshape(x, (6, 4))"),
        one("reshape_minus_one", x3, "R.reshape(x, (-1, 4))"),
        one("reshape_symbolic", xs, "R.reshape(x, (n * m,))"),
        bad("reshape_symbolic_string_dims", xs, 'R.reshape(x, ("n * m",))'),
        one("reshape_symbolic_minus_one", t('("n", "m", 4)'), "R.reshape(x, (-1, 4))"),
        bad("reshape_ndim_input_minus_one", xn, "R.reshape(x, (2, -1))"),
        one("reshape_ndim_input", xn, "R.reshape(x, (2, 12))"),
        one("reshape_unknown_ndim", xu, "R.reshape(x, (24,))"),
        one("reshape_shape_var", ps(x3, 's: R.Shape(["a", "b"])'), "R.reshape(x, s)"),
        one("reshape_to_scalar", t("(1, 1)"), "R.reshape(x, ())"),
        bad("reshape_element_count", x3, "R.reshape(x, (5, 5))"),
        bad("reshape_two_minus_one", x3, "R.reshape(x, (-1, -1))"),
        bad("reshape_not_divisible", x3, "R.reshape(x, (-1, 5))"),
        one("reshape_symbolic_unprovable", xs, "R.reshape(x, (n,))"),
        one("reshape_symbolic_product_differs", t('("n", 2)'), "R.reshape(x, (n, 3))"),
        one("reshape_symbolic_product_swap", xs, "R.reshape(x, (m, n))"),
        # permute_dims
        one("permute_dims_default", x3, "R.permute_dims(x)"),
        one("permute_dims_axes", x3, "R.permute_dims(x, axes=[1, 0, 2])"),
        one("permute_dims_negative", t('("a", "b", "c")'), "R.permute_dims(x, axes=[-1, 0, 1])"),
        one("permute_dims_ndim", xn, "R.permute_dims(x, axes=[2, 1, 0])"),
        one("permute_dims_unknown_ndim", xu, "R.permute_dims(x)"),
        bad("permute_dims_repeat_axis", x3, "R.permute_dims(x, axes=[0, 0, 1])"),
        bad("permute_dims_wrong_count", x3, "R.permute_dims(x, axes=[1, 0])"),
        # concat
        one("concat_axis0", ps(t("(2, 3)"), t("(4, 3)", name="y")), "R.concat([x, y], axis=0)"),
        one("concat_symbolic_sum", two_sym, "R.concat((x, y), axis=0)"),
        one(
            "concat_negative_axis",
            ps(t("(2, 3)"), t("(2, 5)", name="y")),
            "R.concat([x, y], axis=-1)",
        ),
        one(
            "concat_ndim_mix",
            ps(t(None, "float32", 2), t("(2, 5)", name="y")),
            "R.concat([x, y], axis=1)",
        ),
        one(
            "concat_tuple_param",
            'x: R.Tuple(R.Tensor((2, 3), "float32"), R.Tensor((2, 3), "float32"))',
            "R.concat(x, axis=1)",
        ),
        one("concat_single", t('("n",)'), "R.concat([x])"),
        bad(
            "concat_shape_mismatch",
            ps(t("(2, 3)"), t("(4, 5)", name="y")),
            "R.concat([x, y], axis=0)",
        ),
        bad(
            "concat_rank_mismatch", ps(t("(2, 3)"), t("(3,)", name="y")), "R.concat([x, y], axis=0)"
        ),
        bad(
            "concat_dtype_mix",
            ps(t("(2, 3)"), t("(2, 3)", "float16", name="y")),
            "R.concat([x, y], axis=0)",
        ),
        bad(
            "concat_axis_out_of_range",
            ps(t("(2, 3)"), t("(2, 3)", name="y")),
            "R.concat([x, y], axis=2)",
        ),
        # split
        one("split_sections", t("(6, 4)"), "R.split(x, 3)"),
        one("split_sections_uneven", t("(7, 4)"), "R.split(x, 3)"),
        one("split_indices", t("(10, 4)"), "R.split(x, [2, 5], axis=0)"),
        one("split_indices_beyond", t("(4, 10)"), "R.split(x, [3, 20], axis=1)"),
        one("split_symbolic_sections", xs, "R.split(x, 2, axis=1)"),
        one("split_symbolic_indices", xs, "R.split(x, [1, 3], axis=0)"),
        one("split_ndim", xn, "R.split(x, 2, axis=-1)"),
        one("split_unknown_ndim", xu, "R.split(x, [2])"),
        one("split_one_section", t("(6, 4)"), "R.split(x, 1)"),
        bad("split_axis_out_of_range", t("(6, 4)"), "R.split(x, 2, axis=2)"),
        one("split_decreasing_indices", t("(6, 4)"), "R.split(x, [4, 2])"),
        bad("split_zero_sections", t("(6, 4)"), "R.split(x, 0)"),
        # stack
        one("stack_axis0", ps(t("(2, 3)"), t("(2, 3)", name="y")), "R.stack([x, y])"),
        one("stack_last_axis_sym", ps(xs, t('("n", "m")', name="y")), "R.stack([x, y], axis=-1)"),
        bad("stack_shape_mismatch", ps(t("(2, 3)"), t("(3, 2)", name="y")), "R.stack([x, y])"),
        bad(
            "stack_axis_out_of_range",
            ps(t("(2, 3)"), t("(2, 3)", name="y")),
            "R.stack([x, y], axis=4)",
        ),
        # squeeze / expand_dims / flatten
        one("squeeze_all", t("(1, 3, 1, 4)"), "R.squeeze(x)"),
        one("squeeze_axis", t("(1, 3, 1, 4)"), "R.squeeze(x, axis=[2])"),
        one("squeeze_symbolic_all", t('(1, "n", 1)'), "R.squeeze(x)"),
        one("squeeze_symbolic_axis", t('("n", 1)'), "R.squeeze(x, axis=[0])"),
        one("squeeze_ndim_axis", xn, "R.squeeze(x, axis=[1])"),
        one("squeeze_ndim_all", xn, "R.squeeze(x)"),
        one("squeeze_non_unit", t("(1, 3)"), "R.squeeze(x, axis=1)"),
        bad("squeeze_axis_out_of_range", t("(1, 3)"), "R.squeeze(x, axis=2)"),
        one("expand_dims_front", x3, "R.expand_dims(x, axis=0)"),
        one("expand_dims_multi", xs, "R.expand_dims(x, axis=[0, -1])"),
        one("expand_dims_ndim", xn, "R.expand_dims(x, axis=1)"),
        one("expand_dims_unknown_ndim", xu, "R.expand_dims(x, axis=1)"),
        bad("expand_dims_out_of_range", t("(2, 3)"), "R.expand_dims(x, axis=4)"),
        one("flatten_static", x3, "R.flatten(x)"),
        one("flatten_symbolic", xs, "R.flatten(x)"),
        one("flatten_scalar", t("()"), "R.flatten(x)"),
        one("flatten_ndim", xn, "R.flatten(x)"),
        # broadcast_to / tile / repeat / flip
        one("broadcast_to_static", t("(3, 1)"), "R.broadcast_to(x, (2, 3, 4))"),
        one(
            "broadcast_to_symbolic",
            ps(t('("n", 1)'), t('("n", "m")', name="y")),
            "R.broadcast_to(x, (n, m))",
        ),
        one("broadcast_to_symbolic_unprovable", t('("n", 2)'), "R.broadcast_to(x, (3, 4, 2))"),
        one("broadcast_to_ndim", t(None, "float32", 2), "R.broadcast_to(x, (5, 6))"),
        bad("broadcast_to_incompatible", t("(3, 2)"), "R.broadcast_to(x, (3, 4))"),
        bad("broadcast_to_fewer_dims", t("(2, 3)"), "R.broadcast_to(x, (3,))"),
        one("tile_static", t("(2, 3)"), "R.tile(x, [2, 2])"),
        one("tile_more_repeats", t('("n",)'), "R.tile(x, (3, 2))"),
        one("tile_fewer_repeats", x3, "R.tile(x, 2)"),
        one("tile_ndim", xn, "R.tile(x, [1, 2])"),
        one("repeat_axis", t("(2, 3)"), "R.repeat(x, 3, axis=1)"),
        one("repeat_flat", t('("n", 3)'), "R.repeat(x, 2)"),
        bad("repeat_axis_out_of_range", t("(2, 3)"), "R.repeat(x, 2, axis=2)"),
        one("flip_axis", xs, "R.flip(x, axis=1)"),
        bad("flip_axis_out_of_range", t("(2, 3)"), "R.flip(x, axis=3)"),
        # collapse_sum
        one("collapse_sum_like", ps(x3, t("(3, 1)", name="y")), "R.collapse_sum_like(x, y)"),
        one(
            "collapse_sum_like_sym",
            ps(t('("n", "m")'), t('(1, "m")', name="y")),
            "R.collapse_sum_like(x, y)",
        ),
        one("collapse_sum_to", x3, "R.collapse_sum_to(x, (4,))"),
        bad("collapse_sum_to_bad", x3, "R.collapse_sum_to(x, (5,))"),
        one(
            "collapse_sum_like_dtype_mix",
            ps(x3, t("(4,)", "float16", name="y")),
            "R.collapse_sum_like(x, y)",
        ),
        # layout_transform
        one(
            "layout_transform_nchw_nhwc",
            t("(1, 3, 8, 8)"),
            "R.layout_transform(x, index_map=lambda n, c, h, w: (n, h, w, c))",
        ),
        one(
            "layout_transform_split",
            t("(1, 16, 8, 8)"),
            "R.layout_transform(x, index_map=lambda n, c, h, w: (n, c // 4, h, w, c % 4))",
        ),
        one(
            "layout_transform_pad",
            t("(10,)"),
            "R.layout_transform(x, index_map=lambda i: (i // 4, i % 4), pad_value=0.0)",
        ),
        one(
            "layout_transform_symbolic", xs, "R.layout_transform(x, index_map=lambda i, j: (j, i))"
        ),
        bad(
            "layout_transform_wrong_arity",
            t("(2, 3)"),
            "R.layout_transform(x, index_map=lambda i: (i,))",
        ),
        # scatter / gather
        one(
            "scatter_elements",
            ps(t("(4, 5)"), i64("(2, 5)"), t("(2, 5)", name="u")),
            "R.scatter_elements(x, i, u, axis=0)",
        ),
        one(
            "scatter_elements_reduction",
            ps(t('("n", "m")'), i64('("k", "m")'), t('("k", "m")', name="u")),
            'R.scatter_elements(x, i, u, axis=1, reduction="add")',
        ),
        bad(
            "scatter_elements_shape_mismatch",
            ps(t("(4, 5)"), i64("(2, 5)"), t("(3, 5)", name="u")),
            "R.scatter_elements(x, i, u)",
        ),
        bad(
            "scatter_elements_float_indices",
            ps(t("(4, 5)"), t("(2, 5)", name="i"), t("(2, 5)", name="u")),
            "R.scatter_elements(x, i, u)",
        ),
        one(
            "scatter_nd",
            ps(t("(4, 5)"), i64("(3, 1)"), t("(3, 5)", name="u")),
            "R.scatter_nd(x, i, u)",
        ),
        one(
            "scatter_nd_sym",
            ps(t('("n", "m")'), i64('("k", 2)'), t('("k",)', name="u")),
            'R.scatter_nd(x, i, u, reduction="mul")',
        ),
        bad(
            "scatter_nd_bad_updates",
            ps(t("(4, 5)"), i64("(3, 1)"), t("(3, 4)", name="u")),
            "R.scatter_nd(x, i, u)",
        ),
        one("gather_elements", ps(t("(4, 5)"), i64("(4, 2)")), "R.gather_elements(x, i, axis=1)"),
        one("gather_elements_sym", ps(xs, i64('("k", "m")')), "R.gather_elements(x, i)"),
        bad(
            "gather_elements_rank_mismatch", ps(t("(4, 5)"), i64("(4,)")), "R.gather_elements(x, i)"
        ),
        one("gather_nd", ps(t("(4, 5, 6)"), i64("(3, 2)")), "R.gather_nd(x, i)"),
        one(
            "gather_nd_batch_dims",
            ps(t("(2, 5, 6)"), i64("(2, 3, 1)")),
            "R.gather_nd(x, i, batch_dims=1)",
        ),
        one("gather_nd_sym", ps(t('("n", "m")'), i64('("k", 1)')), "R.gather_nd(x, i)"),
        bad("gather_nd_too_many_index_dims", ps(t("(4, 5)"), i64("(3, 3)")), "R.gather_nd(x, i)"),
        # take
        one("take_axis0", ps(t("(4, 5)"), i64("(3,)")), "R.take(x, i, axis=0)"),
        one("take_axis1_2d_indices", ps(t("(4, 5)"), i64("(2, 3)")), "R.take(x, i, axis=1)"),
        bad("take_no_axis_nd", ps(x3, i64("(7,)")), "R.take(x, i)"),
        one("take_no_axis_1d", ps(t('("n",)'), i64("(7, 2)")), "R.take(x, i)"),
        one(
            "take_sym", ps(xs, t('("k",)', "int32", name="i")), 'R.take(x, i, axis=0, mode="clip")'
        ),
        one("take_scalar_index", ps(t("(4, 5)"), i64("()")), "R.take(x, i, axis=0)"),
        bad("take_float_indices", ps(t("(4, 5)"), t("(3,)", name="i")), "R.take(x, i, axis=0)"),
        bad("take_axis_out_of_range", ps(t("(4, 5)"), i64("(3,)")), "R.take(x, i, axis=2)"),
        # strided_slice
        one(
            "strided_slice_basic",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0, 1], begin=[1, 2], end=[5, 8])",
        ),
        one(
            "strided_slice_strides",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0], begin=[0], end=[8], strides=[3])",
        ),
        one(
            "strided_slice_negative",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[1], begin=[-3], end=[-1])",
        ),
        one(
            "strided_slice_negative_stride",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0], begin=[7], end=[0], strides=[-2])",
        ),
        one(
            "strided_slice_out_of_bound_end",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0], begin=[2], end=[100])",
        ),
        one("strided_slice_symbolic", xs, "R.strided_slice(x, axes=[0], begin=[1], end=[3])"),
        one(
            "strided_slice_symbolic_assume_inbound",
            xs,
            "R.strided_slice(x, axes=[0], begin=[1], end=[3], assume_inbound=True)",
        ),
        one("strided_slice_symbolic_end", xs, "R.strided_slice(x, axes=[1], begin=[0], end=[m])"),
        one("strided_slice_ndim", xn, "R.strided_slice(x, axes=[2], begin=[0], end=[2])"),
        one("strided_slice_unknown_ndim", xu, "R.strided_slice(x, axes=[0], begin=[0], end=[2])"),
        bad(
            "strided_slice_axis_out_of_range",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[2], begin=[0], end=[1])",
        ),
        bad(
            "strided_slice_length_mismatch",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0, 1], begin=[0], end=[1, 2])",
        ),
        bad(
            "strided_slice_zero_stride",
            t("(8, 9)"),
            "R.strided_slice(x, axes=[0], begin=[0], end=[4], strides=[0])",
        ),
        one(
            "dynamic_strided_slice",
            ps(t("(8, 9)"), i64("(2,)", "b"), i64("(2,)", "e"), i64("(2,)", "s")),
            "R.dynamic_strided_slice(x, b, e, s)",
        ),
        one(
            "dynamic_strided_slice_sym",
            ps(xs, i64("(2,)", "b"), i64("(2,)", "e"), i64("(2,)", "s")),
            "R.dynamic_strided_slice(x, b, e, s)",
        ),
        bad(
            "dynamic_strided_slice_bad_len",
            ps(t("(8, 9)"), i64("(3,)", "b"), i64("(3,)", "e"), i64("(3,)", "s")),
            "R.dynamic_strided_slice(x, b, e, s)",
        ),
        # index_tensor / index_put
        one("index_tensor_single", ps(t("(4, 5)"), i64("(3,)")), "R.index_tensor(x, [i])"),
        one(
            "index_tensor_two",
            ps(t("(4, 5, 6)"), i64("(3,)"), i64("(3,)", "j")),
            "R.index_tensor(x, [i, j])",
        ),
        one(
            "index_tensor_broadcast",
            ps(t("(4, 5)"), i64("(2, 1)"), i64("(3,)", "j")),
            "R.index_tensor(x, (i, j))",
        ),
        one("index_tensor_sym", ps(xs, i64('("k",)')), "R.index_tensor(x, [i])"),
        bad(
            "index_tensor_too_many",
            ps(t("(4,)"), i64("(3,)"), i64("(3,)", "j")),
            "R.index_tensor(x, [i, j])",
        ),
        bad(
            "index_tensor_float_index",
            ps(t("(4, 5)"), t("(3,)", name="i")),
            "R.index_tensor(x, [i])",
        ),
        one(
            "index_put",
            ps(t("(4, 5)"), i64("(3,)"), i64("(3,)", "j"), t("(3,)", name="v")),
            "R.index_put(x, (i, j), v)",
        ),
        one(
            "index_put_accumulate_sym",
            ps(t('("n",)'), i64('("k",)'), t('("k",)', name="v")),
            "R.index_put(x, [i], v, accumulate=True)",
        ),
        bad(
            "index_put_dtype_mix",
            ps(t("(4,)"), i64("(3,)"), t("(3,)", "float16", name="v")),
            "R.index_put(x, [i], v)",
        ),
        # one_hot / meshgrid / reverse_sequence / slice_scatter / batch_flatten
        one(
            "one_hot",
            t("(3,)", "int32", name="i"),
            "R.one_hot(i, R.prim_value(1.0), R.prim_value(0.0), depth=5)",
        ),
        one(
            "one_hot_axis0_sym",
            t('("n", 2)', "int64", name="i"),
            "R.one_hot(i, R.prim_value(1), R.prim_value(0), depth=4, axis=0)",
        ),
        bad(
            "one_hot_float_indices",
            t("(3,)", name="i"),
            "R.one_hot(i, R.prim_value(1.0), R.prim_value(0.0), depth=5)",
        ),
        bad(
            "one_hot_dtype_mix",
            t("(3,)", "int32", name="i"),
            "R.one_hot(i, R.prim_value(1.0), R.prim_value(0), depth=5)",
        ),
        one("meshgrid_ij", ps(t("(3,)"), t("(4,)", name="y")), "R.meshgrid([x, y])"),
        one(
            "meshgrid_xy_sym",
            ps(t('("n",)'), t('("m",)', name="y")),
            'R.meshgrid((x, y), indexing="xy")',
        ),
        one(
            "meshgrid_bad_indexing",
            ps(t("(3,)"), t("(4,)", name="y")),
            'R.meshgrid([x, y], indexing="ji")',
        ),
        one(
            "reverse_sequence",
            ps(t("(4, 5, 6)"), i64("(4,)", "s")),
            "R.reverse_sequence(x, s, seq_axis=1, batch_axis=0)",
        ),
        bad(
            "reverse_sequence_bad_len",
            ps(t("(4, 5, 6)"), i64("(3,)", "s")),
            "R.reverse_sequence(x, s)",
        ),
        one(
            "slice_scatter",
            ps(t("(8, 4)"), t("(2, 4)", name="u")),
            "R.slice_scatter(x, u, 2, 6, 2, axis=0)",
        ),
        one(
            "slice_scatter_sym",
            ps(xs, t('("n", 2)', name="u")),
            "R.slice_scatter(x, u, 0, 2, 1, axis=1)",
        ),
        one("batch_flatten", t("(2, 3, 4, 5)"), "R.nn.batch_flatten(x)"),
        one("batch_flatten_sym", t('("n", "c", 4)'), "R.nn.batch_flatten(x)"),
        bad("batch_flatten_1d", t("(4,)"), "R.nn.batch_flatten(x)"),
        bad("reshape_bad_keyword", t("(2, 3, 4)"), "R.reshape(x, newshape=(6, 4))"),
        bad("permute_dims_no_args", t("(2, 3)"), "R.permute_dims()"),
        bad("concat_bad_keyword", t("(2, 3)"), "R.concat([x, x], dim=0)"),
        one("split_unknown_ndim_sections", t(None, "float32"), "R.split(x, 3, axis=1)"),
        one("flip_unknown_ndim", t(None, "float32"), "R.flip(x, axis=0)"),
        one("tile_unknown_ndim", t(None, "float32"), "R.tile(x, [2, 3])"),
        one(
            "concat_unknown_ndim",
            ps(t(None, "float32"), t("(2, 3)", name="y")),
            "R.concat([x, y], axis=0)",
        ),
        one(
            "take_unknown_ndim",
            ps(t(None, "float32"), t("(3,)", "int64", name="i")),
            "R.take(x, i, axis=1)",
        ),
    ]


@family
def creation() -> list[Case]:
    return [
        one("full_static", t("()", name="v"), "R.full((2, 3), v)"),
        one("full_dtype", t("()", name="v"), 'R.full((2, 3), v, dtype="int32")'),
        one("full_const", t("(4,)"), 'R.full((4,), R.const(1.5, "float16"))'),
        one("full_symbolic", ps(t('("n", "m")'), t("()", name="v")), "R.full((n, m), v)"),
        one("full_shape_var", ps('s: R.Shape(["a", 3])', t("()", name="v")), "R.full(s, v)"),
        bad("full_non_scalar_fill", t("(2,)", name="v"), "R.full((2, 3), v)"),
        one("full_like", ps(t('("n", 3)'), t("()", "int32", name="v")), "R.full_like(x, v)"),
        one(
            "full_like_dtype",
            ps(t(None, "float32", 2), t("()", name="v")),
            'R.full_like(x, v, dtype="float16")',
        ),
        bad("full_like_non_scalar", ps(t("(2, 3)"), t("(3,)", name="v")), "R.full_like(x, v)"),
        one("zeros_static", "", 'R.zeros((2, 3), "float32")'),
        one("zeros_symbolic", t('("n",)'), 'R.zeros((n, 4), dtype="int8")'),
        bad("zeros_missing_dtype", "", "R.zeros((2, 3))"),
        one("ones_static", "", 'R.ones((5,), "bool")'),
        one("ones_shape_var", "s: R.Shape(ndim=2)", 'R.ones(s, "float32")'),
        one("zeros_like", t('("n", "m")'), "R.zeros_like(x)"),
        one("zeros_like_dtype", t(None, "float32"), 'R.zeros_like(x, "int32")'),
        one("ones_like", t(None, "float16", 3), "R.ones_like(x)"),
        bad("ones_like_on_shape", "s: R.Shape([2])", "R.ones_like(s)"),
        one("arange_end", "", "R.arange(10)"),
        one("arange_start_end_step", "", "R.arange(2, 11, 3)"),
        one("arange_float", "", "R.arange(0.0, 1.0, 0.25)"),
        one("arange_dtype", "", 'R.arange(0, 8, 2, dtype="int32")'),
        one("arange_negative_step", "", "R.arange(10, 0, -3)"),
        one("arange_symbolic", t('("n",)'), "R.arange(n)"),
        one("arange_symbolic_start", t('("n",)'), "R.arange(1, n, 2)"),
        bad("arange_zero_step", "", "R.arange(0, 10, 0)"),
        one("tril", t("(4, 4)"), "R.tril(x)"),
        one("tril_k_sym", t('("b", "n", "n")'), "R.tril(x, 1)"),
        one("triu_k_neg", t(None, "float32", 2), "R.triu(x, k=-1)"),
        bad("triu_1d", t("(4,)"), "R.triu(x)"),
        one("eye_square", "", "R.eye(3)"),
        one("eye_rect_k", "", 'R.eye(3, 5, k=1, dtype="int32")'),
        one("eye_symbolic", t('("n",)'), "R.eye(n)"),
        one("eye_like", t("(3, 4)", "float16"), "R.eye_like(x)"),
        one("eye_like_dtype_sym", t('("n", "m")'), 'R.eye_like(x, k=2, dtype="bool")'),
        bad("eye_like_3d", t("(2, 3, 4)"), "R.eye_like(x)"),
        one("hamming_window", "", 'R.hamming_window(8, 1, 0.54, 0.46, "float32")'),
        one(
            "hamming_window_prim",
            t('("n",)'),
            "R.hamming_window(R.prim_value(n), R.prim_value(0), R.prim_value(0.5), "
            'R.prim_value(0.5), "float16")',
        ),
        bad("hamming_window_int_dtype", "", 'R.hamming_window(8, 1, 0.54, 0.46, "int32")'),
        bad("full_bad_keyword", t("()", name="v"), "R.full((2, 3), v, fill=1)"),
        bad("ones_too_many_args", "", 'R.ones((2,), "float32", 0)'),
        one("tril_unknown_ndim", t(None, "float32"), "R.tril(x)"),
    ]


@family
def datatype() -> list[Case]:
    return [
        one("astype_static", t("(2, 3)"), 'R.astype(x, "float16")'),
        one("astype_symbolic", t('("n", "m")', "int32"), 'R.astype(x, dtype="float32")'),
        one("astype_ndim", t(None, "float32", 3), 'R.astype(x, "bool")'),
        one("astype_unknown_ndim", t(None, "float32"), 'R.astype(x, "int8")'),
        one("astype_no_dtype", t("(2, 3)", None), 'R.astype(x, "float32")'),
        one("astype_same", t("(4,)"), 'R.astype(x, "float32")'),
        one("astype_bf16", t("(4,)"), 'R.astype(x, "bfloat16")'),
        bad("astype_missing_dtype", t("(4,)"), "R.astype(x)"),
        one("astype_bad_dtype_string", t("(4,)"), 'R.astype(x, "float33")'),
        bad("astype_on_shape", "s: R.Shape([2])", 'R.astype(s, "int32")'),
        one("wrap_param_default", "", 'R.wrap_param(R.const([1.0, 2.0], "float16"))'),
        one(
            "wrap_param_dtype",
            "",
            'R.wrap_param(R.const([[1, 2], [3, 4]], "int32"), dtype="float16")',
        ),
        one("wrap_param_var", t("(2, 3)", "float16"), "R.wrap_param(x)"),
        bad("astype_bad_keyword", t("(4,)"), 'R.astype(x, to="float16")'),
        bad("wrap_param_bad_keyword", t("(4,)", "float16"), 'R.wrap_param(x, out_dtype="float32")'),
    ]


@family
def search() -> list[Case]:

    def i64(shape: str, name: str = "i") -> str:
        return t(shape, "int64", name=name)

    return [
        one(
            "where_static",
            ps(t("(2, 3)", "bool", name="c"), t("(2, 3)"), t("(2, 3)", name="y")),
            "R.where(c, x, y)",
        ),
        one(
            "where_broadcast",
            ps(t("(3, 1)", "bool", name="c"), t("(1, 4)"), t("(2, 1, 1)", name="y")),
            "R.where(c, x, y)",
        ),
        one(
            "where_symbolic",
            ps(t('("n", 1)', "bool", name="c"), t('("n", "m")'), t("()", name="y")),
            "R.where(c, x, y)",
        ),
        one(
            "where_ndim",
            ps(t(None, "bool", 2, name="c"), t("(2, 3)"), t(None, "float32", name="y")),
            "R.where(c, x, y)",
        ),
        bad(
            "where_int_condition",
            ps(t("(2, 3)", "int32", name="c"), t("(2, 3)"), t("(2, 3)", name="y")),
            "R.where(c, x, y)",
        ),
        bad(
            "where_dtype_mix",
            ps(t("(2, 3)", "bool", name="c"), t("(2, 3)"), t("(2, 3)", "float16", name="y")),
            "R.where(c, x, y)",
        ),
        bad(
            "where_bad_broadcast",
            ps(t("(2, 3)", "bool", name="c"), t("(2, 4)"), t("(2, 3)", name="y")),
            "R.where(c, x, y)",
        ),
        one("argsort_default", t("(4, 5)"), "R.argsort(x)"),
        one(
            "argsort_axis_dtype",
            t('("n", "m")'),
            'R.argsort(x, axis=0, descending=True, dtype="int64")',
        ),
        one("argsort_unknown_ndim", t(None, "float32"), "R.argsort(x)"),
        one("argsort_axis_out_of_range", t("(4, 5)"), "R.argsort(x, axis=2)"),
        one("sort_default", t('("n", 5)'), "R.sort(x)"),
        one("sort_axis_descending", t(None, "int32", 3), "R.sort(x, axis=1, descending=True)"),
        one("topk_both", t("(4, 10)"), "R.topk(x, k=3)"),
        one("topk_values_axis0", t('("n", "m")'), 'R.topk(x, k=2, axis=0, ret_type="values")'),
        one(
            "topk_indices_int64",
            t("(4, 10)"),
            'R.topk(x, k=3, ret_type="indices", largest=False, dtype="int64")',
        ),
        one("topk_k_too_large", t("(4, 10)"), "R.topk(x, k=11)"),
        one("topk_ndim", t(None, "float32", 2), "R.topk(x, k=4)"),
        bad("topk_bad_ret_type", t("(4, 10)"), 'R.topk(x, k=3, ret_type="all")'),
        one("nonzero_static", t("(2, 3)", "bool"), "R.nonzero(x)"),
        one("nonzero_symbolic", t('("n",)', "int32"), "R.nonzero(x)"),
        one("nonzero_unknown_ndim", t(None, "float32"), "R.nonzero(x)"),
        one("unique_default", t("(10,)", "int32"), "R.unique(x)"),
        one(
            "unique_all_outputs",
            t("(10,)", "int32"),
            "R.unique(x, sorted=True, return_index=True, return_inverse=True, return_counts=True)",
        ),
        one("unique_axis", t("(4, 5)"), "R.unique(x, axis=1)"),
        one("unique_axis_inverse", t("(4, 5)"), "R.unique(x, return_inverse=True, axis=0)"),
        bad("unique_axis_out_of_range", t("(4, 5)"), "R.unique(x, axis=2)"),
        one("bucketize", ps(t("(3, 4)"), t("(5,)", name="b")), "R.bucketize(x, b)"),
        one(
            "bucketize_int32_right",
            ps(t('("n",)'), t('("k",)', name="b")),
            "R.bucketize(x, b, out_int32=True, right=True)",
        ),
        bad("bucketize_2d_boundaries", ps(t("(3, 4)"), t("(2, 5)", name="b")), "R.bucketize(x, b)"),
        one("cumsum_axis", t("(2, 3)"), "R.cumsum(x, axis=1)"),
        one("cumsum_flat", t('("n", "m")'), "R.cumsum(x)"),
        one(
            "cumsum_dtype_exclusive",
            t("(4,)", "int32"),
            'R.cumsum(x, axis=0, dtype="int64", exclusive=True)',
        ),
        one("cumsum_ndim_flat", t(None, "float32", 3), "R.cumsum(x)"),
        one("cumsum_axis_out_of_range", t("(2, 3)"), "R.cumsum(x, axis=2)"),
        one("cumprod_axis", t('("n", 3)'), "R.cumprod(x, axis=-1)"),
        one("cumprod_flat_dtype", t("(2, 3)", "int8"), 'R.cumprod(x, dtype="int32")'),
        bad("where_two_args", ps(t("(2, 3)", "bool", name="c"), t("(2, 3)")), "R.where(c, x)"),
        bad("sort_bad_keyword", t("(4,)"), "R.sort(x, reverse=True)"),
        one(
            "where_unknown_ndim",
            ps(t(None, "bool", name="c"), t("(2, 3)"), t("(2, 3)", name="y")),
            "R.where(c, x, y)",
        ),
        one("topk_unknown_ndim", t(None, "float32"), "R.topk(x, k=2, axis=0)"),
        one("cumsum_unknown_ndim_axis", t(None, "float32"), "R.cumsum(x, axis=1)"),
    ]


@family
def statistical() -> list[Case]:
    x3 = t("(2, 3, 4)")
    return [
        one("std_all", x3, "R.std(x)"),
        one("std_symbolic_keepdims", t('("n", "m")'), "R.std(x, axis=[1], keepdims=True)"),
        one("std_unknown_ndim", t(None, "float32"), "R.std(x, axis=0)"),
        bad("std_axis_out_of_range", x3, "R.std(x, axis=3)"),
        one("variance_all_keepdims", x3, "R.variance(x, keepdims=True)"),
        one("variance_ndim", t(None, "float16", 4), "R.variance(x, axis=[1, 2])"),
        one("variance_int32", t("(5,)", "int32"), "R.variance(x)"),
        one("median_all", x3, "R.median(x)"),
        one("median_axis", x3, "R.median(x, axis=1)"),
        one("median_axis_keepdims_sym", t('("n", "m")'), "R.median(x, axis=-1, keepdims=True)"),
        one("median_two_axes", x3, "R.median(x, axis=[0, 1])"),
        one("median_unknown_ndim", t(None, "float32"), "R.median(x, axis=0)"),
        one(
            "multinomial_from_uniform",
            ps(t("(4, 10)", name="p"), t("(3, 1)", name="u"), t("(3, 1)", "int64", name="i")),
            "R.multinomial_from_uniform(p, u, i)",
        ),
        one(
            "multinomial_from_uniform_sym_int32",
            ps(
                t('("b", "v")', name="p"), t('("n", 1)', name="u"), t('("n", 1)', "int64", name="i")
            ),
            'R.multinomial_from_uniform(p, u, i, dtype="int32")',
        ),
        bad(
            "multinomial_from_uniform_bad_indices",
            ps(t("(4, 10)", name="p"), t("(3, 1)", name="u"), t("(3, 1)", name="i")),
            "R.multinomial_from_uniform(p, u, i)",
        ),
        bad("std_bad_keyword", t("(4,)"), "R.std(x, ddof=1)"),
        bad(
            "multinomial_from_uniform_two_args",
            ps(t("(4, 10)", name="p"), t("(3, 1)", name="u")),
            "R.multinomial_from_uniform(p, u)",
        ),
    ]


@family
def quantize() -> list[Case]:
    return [
        one(
            "quantize_scalar_params",
            ps(t("(2, 3)"), t("()", name="s"), t("()", "int8", name="z")),
            "R.quantize(x, s, z)",
        ),
        one(
            "quantize_per_axis",
            ps(t("(2, 3)"), t("(3,)", name="s"), t("(3,)", "int8", name="z")),
            'R.quantize(x, s, z, axis=1, out_dtype="uint8")',
        ),
        one(
            "quantize_symbolic",
            ps(t('("n", 4)', "float16"), t("()", "float16", name="s"), t("()", "int8", name="z")),
            'R.quantize(x, s, z, out_dtype="int8")',
        ),
        bad(
            "quantize_axis_mismatch",
            ps(t("(2, 3)"), t("(2,)", name="s"), t("(2,)", "int8", name="z")),
            "R.quantize(x, s, z, axis=1)",
        ),
        bad(
            "quantize_bad_out_dtype",
            ps(t("(2, 3)"), t("()", name="s"), t("()", "int8", name="z")),
            'R.quantize(x, s, z, out_dtype="float32")',
        ),
        bad(
            "quantize_int_input",
            ps(t("(2, 3)", "int32"), t("()", name="s"), t("()", "int8", name="z")),
            "R.quantize(x, s, z)",
        ),
        one(
            "dequantize_scalar_params",
            ps(t("(2, 3)", "int8"), t("()", name="s"), t("()", "int8", name="z")),
            "R.dequantize(x, s, z)",
        ),
        one(
            "dequantize_per_axis_fp16",
            ps(t('("n", 3)', "uint8"), t("(3,)", "float16", name="s"), t("(3,)", "int8", name="z")),
            'R.dequantize(x, s, z, axis=-1, out_dtype="float16")',
        ),
        one(
            "dequantize_ndim",
            ps(t(None, "int8", 3), t("()", name="s"), t("()", "int8", name="z")),
            "R.dequantize(x, s, z, axis=0)",
        ),
        one(
            "dequantize_float_input",
            ps(t("(2, 3)"), t("()", name="s"), t("()", "int8", name="z")),
            "R.dequantize(x, s, z)",
        ),
        bad(
            "dequantize_axis_out_of_range",
            ps(t("(2, 3)", "int8"), t("()", name="s"), t("()", "int8", name="z")),
            "R.dequantize(x, s, z, axis=2)",
        ),
        bad("quantize_missing_zero_point", ps(t("(2, 3)"), t("()", name="s")), "R.quantize(x, s)"),
        bad(
            "dequantize_bad_keyword",
            ps(t("(2, 3)", "int8"), t("()", name="s"), t("()", "int8", name="z")),
            'R.dequantize(x, s, z, dtype="float32")',
        ),
        bad(
            "quantize_unknown_ndim",
            ps(t(None, "float32"), t("()", name="s"), t("()", "int8", name="z")),
            "R.quantize(x, s, z, axis=0)",
        ),
    ]


@family
def nn() -> list[Case]:
    img = t("(1, 3, 32, 32)")
    w2 = t("(16, 3, 3, 3)", name="w")
    wt2 = t("(16, 3, 3, 3)", name="wt")
    img_s = t('("n", 3, "h", "w")')
    nhwc = t("(1, 32, 32, 3)")
    seq = t("(1, 3, 32)")
    vol = t("(1, 3, 8, 8, 8)")
    v1 = t(None, "float32", 4)

    def g(shape: str, name: str) -> str:
        return t(shape, name=name)

    return [
        # conv
        one("conv2d_basic", ps(img, w2), "R.nn.conv2d(x, w)"),
        one(
            "conv2d_stride_pad_dilation",
            ps(img, w2),
            "R.nn.conv2d(x, w, strides=2, padding=1, dilation=2)",
        ),
        one(
            "conv2d_asym_padding",
            ps(img, w2),
            "R.nn.conv2d(x, w, strides=(1, 2), padding=(1, 0, 2, 1))",
        ),
        one(
            "conv2d_groups",
            ps(t("(1, 4, 8, 8)"), t("(8, 2, 3, 3)", name="w")),
            "R.nn.conv2d(x, w, groups=2)",
        ),
        one(
            "conv2d_depthwise",
            ps(t("(1, 8, 8, 8)"), t("(8, 1, 3, 3)", name="w")),
            "R.nn.conv2d(x, w, padding=1, groups=8)",
        ),
        one(
            "conv2d_nhwc_hwio",
            ps(nhwc, t("(3, 3, 3, 16)", name="w")),
            'R.nn.conv2d(x, w, data_layout="NHWC", kernel_layout="HWIO")',
        ),
        one("conv2d_out_layout", ps(img, w2), 'R.nn.conv2d(x, w, out_layout="NHWC")'),
        one(
            "conv2d_out_dtype",
            ps(t("(1, 3, 32, 32)", "int8"), t("(16, 3, 3, 3)", "int8", name="w")),
            'R.nn.conv2d(x, w, out_dtype="int32")',
        ),
        one("conv2d_symbolic", ps(img_s, wt2), "R.nn.conv2d(x, wt, padding=1)"),
        one("conv2d_symbolic_stride", ps(img_s, wt2), "R.nn.conv2d(x, wt, strides=2)"),
        bad("conv2d_symbolic_dim_named_like_param", ps(img_s, w2), "R.nn.conv2d(x, w)"),
        one("conv2d_ndim", ps(v1, w2), "R.nn.conv2d(x, w)"),
        one("conv2d_unknown_weight", ps(img, t(None, "float32", 4, name="w")), "R.nn.conv2d(x, w)"),
        one(
            "conv2d_packed_layout",
            ps(t("(1, 2, 8, 8, 4)"), t("(4, 2, 3, 3, 4, 4)", name="w")),
            'R.nn.conv2d(x, w, data_layout="NCHW4c", kernel_layout="OIHW4i4o")',
        ),
        bad("conv2d_channel_mismatch", ps(img, t("(16, 4, 3, 3)", name="w")), "R.nn.conv2d(x, w)"),
        bad(
            "conv2d_groups_not_divisible",
            ps(t("(1, 4, 8, 8)"), t("(6, 1, 3, 3)", name="w")),
            "R.nn.conv2d(x, w, groups=4)",
        ),
        bad("conv2d_invalid_layout", ps(img, w2), 'R.nn.conv2d(x, w, data_layout="NCHX")'),
        bad("conv2d_layout_rank_mismatch", ps(img, w2), 'R.nn.conv2d(x, w, data_layout="NCW")'),
        bad("conv2d_rank_mismatch", ps(seq, w2), "R.nn.conv2d(x, w)"),
        bad(
            "conv2d_dtype_mix",
            ps(img, t("(16, 3, 3, 3)", "float16", name="w")),
            "R.nn.conv2d(x, w)",
        ),
        bad("conv2d_bad_padding_len", ps(img, w2), "R.nn.conv2d(x, w, padding=(1, 1, 1))"),
        bad("conv2d_bad_keyword", ps(img, w2), "R.nn.conv2d(x, w, stride=2)"),
        one(
            "conv1d_basic",
            ps(seq, t("(8, 3, 5)", name="w")),
            "R.nn.conv1d(x, w, strides=2, padding=2)",
        ),
        one(
            "conv1d_nwc",
            ps(t('("n", "l", 3)'), t("(5, 3, 8)", name="w")),
            'R.nn.conv1d(x, w, data_layout="NWC", kernel_layout="WIO")',
        ),
        one(
            "conv1d_dilation_groups",
            ps(t("(2, 4, 20)"), t("(4, 2, 3)", name="w")),
            "R.nn.conv1d(x, w, dilation=3, groups=2)",
        ),
        bad("conv1d_channel_mismatch", ps(seq, t("(8, 2, 5)", name="w")), "R.nn.conv1d(x, w)"),
        one(
            "conv3d_basic", ps(vol, t("(4, 3, 3, 3, 3)", name="w")), "R.nn.conv3d(x, w, padding=1)"
        ),
        one(
            "conv3d_ndhwc",
            ps(t("(1, 8, 8, 8, 3)"), t("(3, 3, 3, 3, 4)", name="w")),
            'R.nn.conv3d(x, w, strides=2, data_layout="NDHWC", kernel_layout="DHWIO")',
        ),
        one(
            "conv3d_symbolic",
            ps(t('("n", 3, "d", "h", "w")'), t("(4, 3, 1, 1, 1)", name="wt")),
            "R.nn.conv3d(x, wt)",
        ),
        one(
            "conv1d_transpose",
            ps(seq, t("(3, 8, 4)", name="w")),
            "R.nn.conv1d_transpose(x, w, strides=2, padding=1, output_padding=1)",
        ),
        one(
            "conv2d_transpose",
            ps(t("(1, 16, 8, 8)"), t("(16, 3, 4, 4)", name="w")),
            "R.nn.conv2d_transpose(x, w, strides=2, padding=1)",
        ),
        one(
            "conv2d_transpose_symbolic",
            ps(t('("n", 16, "h", "w")'), t("(16, 3, 3, 3)", name="wt")),
            "R.nn.conv2d_transpose(x, wt, output_padding=(0, 0))",
        ),
        bad(
            "conv2d_transpose_bad_output_padding",
            ps(t("(1, 16, 8, 8)"), t("(16, 3, 4, 4)", name="w")),
            "R.nn.conv2d_transpose(x, w, strides=1, output_padding=1)",
        ),
        one(
            "conv3d_transpose",
            ps(t("(1, 4, 4, 4, 4)"), t("(4, 2, 2, 2, 2)", name="w")),
            "R.nn.conv3d_transpose(x, w, strides=2)",
        ),
        # pooling
        one("max_pool2d_basic", img, "R.nn.max_pool2d(x, pool_size=3, strides=2, padding=1)"),
        one(
            "max_pool2d_ceil_mode",
            t("(1, 3, 10, 10)"),
            "R.nn.max_pool2d(x, pool_size=3, strides=2, ceil_mode=True)",
        ),
        one(
            "max_pool2d_floor_mode",
            t("(1, 3, 10, 10)"),
            "R.nn.max_pool2d(x, pool_size=3, strides=2, ceil_mode=False)",
        ),
        one(
            "max_pool2d_nhwc",
            nhwc,
            'R.nn.max_pool2d(x, pool_size=(2, 2), strides=(2, 2), layout="NHWC")',
        ),
        one(
            "max_pool2d_out_layout",
            img,
            'R.nn.max_pool2d(x, pool_size=2, strides=2, out_layout="NHWC")',
        ),
        one("max_pool2d_dilation", img, "R.nn.max_pool2d(x, pool_size=3, dilation=2)"),
        one("max_pool2d_symbolic", img_s, "R.nn.max_pool2d(x, pool_size=2, strides=2)"),
        one(
            "max_pool2d_symbolic_ceil",
            img_s,
            "R.nn.max_pool2d(x, pool_size=3, strides=2, ceil_mode=True)",
        ),
        one("max_pool2d_ndim", v1, "R.nn.max_pool2d(x, pool_size=2)"),
        bad("max_pool2d_rank_mismatch", seq, "R.nn.max_pool2d(x, pool_size=2)"),
        bad("max_pool2d_bad_layout", img, 'R.nn.max_pool2d(x, pool_size=2, layout="NCHWW")'),
        bad("max_pool2d_bad_pool_size_len", img, "R.nn.max_pool2d(x, pool_size=(2, 2, 2))"),
        one(
            "avg_pool2d_count_include_pad",
            img,
            "R.nn.avg_pool2d(x, pool_size=3, strides=1, padding=1, count_include_pad=True)",
        ),
        one(
            "avg_pool2d_ceil_nhwc",
            t('("n", 15, 15, "c")'),
            'R.nn.avg_pool2d(x, pool_size=2, strides=2, ceil_mode=True, layout="NHWC")',
        ),
        one("max_pool1d", seq, "R.nn.max_pool1d(x, pool_size=2, strides=2)"),
        one(
            "max_pool1d_nwc_ceil",
            t("(1, 9, 3)"),
            'R.nn.max_pool1d(x, pool_size=2, strides=2, ceil_mode=True, layout="NWC")',
        ),
        one("avg_pool1d", t('("n", 3, "l")'), "R.nn.avg_pool1d(x, pool_size=3, padding=1)"),
        one("max_pool3d", vol, "R.nn.max_pool3d(x, pool_size=2, strides=2)"),
        one(
            "avg_pool3d_ceil",
            t("(1, 3, 7, 7, 7)"),
            "R.nn.avg_pool3d(x, pool_size=2, strides=2, ceil_mode=True)",
        ),
        one("adaptive_avg_pool2d", img, "R.nn.adaptive_avg_pool2d(x, output_size=(1, 1))"),
        one("adaptive_avg_pool2d_none", img_s, "R.nn.adaptive_avg_pool2d(x)"),
        one(
            "adaptive_avg_pool2d_int_nhwc",
            nhwc,
            'R.nn.adaptive_avg_pool2d(x, output_size=7, layout="NHWC", out_layout="NCHW")',
        ),
        one("adaptive_avg_pool1d", seq, "R.nn.adaptive_avg_pool1d(x, output_size=4)"),
        one("adaptive_avg_pool3d", vol, "R.nn.adaptive_avg_pool3d(x, output_size=(2, 2, 2))"),
        bad("adaptive_avg_pool2d_rank_mismatch", seq, "R.nn.adaptive_avg_pool2d(x, output_size=1)"),
        # activations
        one("relu", t('("n", 4)'), "R.nn.relu(x)"),
        one("relu6", t(None, "float16", 3), "R.nn.relu6(x)"),
        one("gelu", t("(2, 3)"), "R.nn.gelu(x)"),
        one("gelu_tanh", t(None, "float32"), "R.nn.gelu_tanh(x)"),
        one("silu", t('("b", "s", 64)', "float16"), "R.nn.silu(x)"),
        one("selu", t("(8,)"), "R.nn.selu(x)"),
        one("softplus", t("(2, 3)"), "R.nn.softplus(x, beta=2.0, threshold=10.0)"),
        one("leakyrelu", t('("n",)'), "R.nn.leakyrelu(x, alpha=0.2)"),
        one("relu_int32", t("(4,)", "int32"), "R.nn.relu(x)"),
        bad("gelu_int32", t("(4,)", "int32"), "R.nn.gelu(x)"),
        one("prelu", ps(t("(1, 3, 4, 4)"), t("(3,)", name="a")), "R.nn.prelu(x, a)"),
        one("prelu_axis_last", ps(t('("n", 8)'), t("(8,)", name="a")), "R.nn.prelu(x, a, axis=-1)"),
        one("prelu_bad_alpha", ps(t("(1, 3, 4, 4)"), t("(4,)", name="a")), "R.nn.prelu(x, a)"),
        one("softmax", t("(2, 10)"), "R.nn.softmax(x)"),
        one("softmax_axis_sym", t('("n", "m")'), "R.nn.softmax(x, axis=0)"),
        one("softmax_ndim", t(None, "float32", 3), "R.nn.softmax(x, axis=1)"),
        bad("softmax_axis_out_of_range", t("(2, 10)"), "R.nn.softmax(x, axis=2)"),
        bad("softmax_int", t("(2, 10)", "int32"), "R.nn.softmax(x)"),
        one("log_softmax", t(None, "float16"), "R.nn.log_softmax(x)"),
        bad("log_softmax_axis_out_of_range", t("(2, 10)"), "R.nn.log_softmax(x, axis=-3)"),
        # normalization
        one(
            "batch_norm",
            ps(img, g("(3,)", "g"), g("(3,)", "b"), g("(3,)", "m"), g("(3,)", "v")),
            "R.nn.batch_norm(x, g, b, m, v, axis=1)",
        ),
        one(
            "batch_norm_symbolic",
            ps(
                t('("n", "c", 8)'),
                g('("c",)', "g"),
                g('("c",)', "b"),
                g('("c",)', "m"),
                g('("c",)', "v"),
            ),
            "R.nn.batch_norm(x, g, b, m, v, axis=1, epsilon=1e-3, training=False)",
        ),
        one(
            "batch_norm_getitem",
            ps(img, g("(3,)", "g"), g("(3,)", "b"), g("(3,)", "m"), g("(3,)", "v")),
            "R.nn.batch_norm(x, g, b, m, v, axis=1)[0]",
        ),
        bad(
            "batch_norm_channel_mismatch",
            ps(img, g("(4,)", "g"), g("(3,)", "b"), g("(3,)", "m"), g("(3,)", "v")),
            "R.nn.batch_norm(x, g, b, m, v, axis=1)",
        ),
        bad(
            "batch_norm_axis_out_of_range",
            ps(img, g("(3,)", "g"), g("(3,)", "b"), g("(3,)", "m"), g("(3,)", "v")),
            "R.nn.batch_norm(x, g, b, m, v, axis=4)",
        ),
        one(
            "layer_norm",
            ps(t("(2, 5, 8)"), g("(8,)", "g"), g("(8,)", "b")),
            "R.nn.layer_norm(x, g, b, axes=-1)",
        ),
        one(
            "layer_norm_two_axes_sym",
            ps(t('("n", 4, 8)'), g("(4, 8)", "g"), g("(4, 8)", "b")),
            "R.nn.layer_norm(x, g, b, axes=[1, 2], epsilon=1e-6)",
        ),
        bad(
            "layer_norm_gamma_mismatch",
            ps(t("(2, 5, 8)"), g("(5,)", "g"), g("(5,)", "b")),
            "R.nn.layer_norm(x, g, b, axes=-1)",
        ),
        one(
            "group_norm",
            ps(t("(2, 8, 4, 4)"), g("(8,)", "g"), g("(8,)", "b")),
            "R.nn.group_norm(x, g, b, num_groups=4, channel_axis=1, axes=[2, 3])",
        ),
        bad(
            "group_norm_not_divisible",
            ps(t("(2, 8, 4, 4)"), g("(8,)", "g"), g("(8,)", "b")),
            "R.nn.group_norm(x, g, b, num_groups=3, channel_axis=1, axes=[2, 3])",
        ),
        one(
            "instance_norm",
            ps(t('("n", 3, "h", "w")'), g("(3,)", "g"), g("(3,)", "b")),
            "R.nn.instance_norm(x, g, b, channel_axis=1, axes=[2, 3])",
        ),
        one(
            "rms_norm",
            ps(t('("b", "s", 64)', "float16"), t("(64,)", "float16", name="w")),
            "R.nn.rms_norm(x, w)",
        ),
        one(
            "rms_norm_axes",
            ps(t("(2, 4, 8)"), g("(4, 8)", "w")),
            "R.nn.rms_norm(x, w, axes=[1, 2], epsilon=1e-6)",
        ),
        bad("rms_norm_weight_mismatch", ps(t("(2, 4, 8)"), g("(4,)", "w")), "R.nn.rms_norm(x, w)"),
        one("dropout", t('("n", 16)'), "R.nn.dropout(x, rate=0.1)"),
        one("dropout_unknown_ndim", t(None, "float32"), "R.nn.dropout(x)"),
        # attention
        one(
            "attention",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 4, 8)", name="k"),
                t("(2, 32, 4, 16)", name="v"),
            ),
            "R.nn.attention(q, k, v)",
        ),
        one(
            "attention_bias",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 4, 8)", name="k"),
                t("(2, 32, 4, 16)", name="v"),
                t("(2, 4, 16, 32)", name="b"),
            ),
            "R.nn.attention(q, k, v, b, scale=0.125)",
        ),
        one(
            "attention_causal_symbolic",
            ps(
                t('("b", "s", 8, 64)', "float16", name="q"),
                t('("b", "t", 8, 64)', "float16", name="k"),
                t('("b", "t", 8, 64)', "float16", name="v"),
            ),
            'R.nn.attention(q, k, v, causal_mask="BottomRight")',
        ),
        one(
            "attention_window",
            ps(
                t("(1, 8, 2, 4)", name="q"),
                t("(1, 8, 2, 4)", name="k"),
                t("(1, 8, 2, 4)", name="v"),
            ),
            'R.nn.attention(q, k, v, causal_mask="TopLeft", window_size=4)',
        ),
        one(
            "attention_bias_op",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 4, 8)", name="k"),
                t("(2, 32, 4, 16)", name="v"),
                t("(1, 4, 1, 32)", name="b"),
            ),
            "R.nn.attention_bias(q, k, v, b)",
        ),
        bad(
            "attention_bias_3d",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 4, 8)", name="k"),
                t("(2, 32, 4, 16)", name="v"),
                t("(2, 16, 32)", name="b"),
            ),
            "R.nn.attention_bias(q, k, v, b)",
        ),
        one(
            "attention_head_mismatch",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 2, 8)", name="k"),
                t("(2, 32, 4, 16)", name="v"),
            ),
            "R.nn.attention(q, k, v)",
        ),
        bad(
            "attention_kv_len_mismatch",
            ps(
                t("(2, 16, 4, 8)", name="q"),
                t("(2, 32, 4, 8)", name="k"),
                t("(2, 30, 4, 16)", name="v"),
            ),
            "R.nn.attention(q, k, v)",
        ),
        one(
            "attention_bad_causal",
            ps(
                t("(1, 8, 2, 4)", name="q"),
                t("(1, 8, 2, 4)", name="k"),
                t("(1, 8, 2, 4)", name="v"),
            ),
            'R.nn.attention(q, k, v, causal_mask="Left")',
        ),
        bad(
            "attention_3d",
            ps(t("(16, 4, 8)", name="q"), t("(32, 4, 8)", name="k"), t("(32, 4, 8)", name="v")),
            "R.nn.attention(q, k, v)",
        ),
        one(
            "attention_var_len",
            ps(
                t("(1, 100, 4, 8)", name="q"),
                t("(1, 100, 4, 8)", name="k"),
                t("(1, 100, 4, 8)", name="v"),
                t("(5,)", "int32", name="sq"),
                t("()", "int32", name="mq"),
            ),
            'R.nn.attention_var_len(q, k, v, sq, mq, causal_mask="TopLeft")',
        ),
        one(
            "attention_var_len_kv",
            ps(
                t('(1, "t", 4, 8)', name="q"),
                t('(1, "s", 4, 8)', name="k"),
                t('(1, "s", 4, 16)', name="v"),
                t('("b",)', "int32", name="sq"),
                t('("b",)', "int32", name="sk"),
                t("()", "int32", name="mq"),
                t("()", "int32", name="mk"),
            ),
            "R.nn.attention_var_len(q, k, v, sq, mq, sk, mk, scale=0.5)",
        ),
        bad(
            "attention_var_len_prim_max",
            ps(
                t("(1, 100, 4, 8)", name="q"),
                t("(1, 100, 4, 8)", name="k"),
                t("(1, 100, 4, 8)", name="v"),
                t("(5,)", "int32", name="sq"),
            ),
            "R.nn.attention_var_len(q, k, v, sq, R.prim_value(T.int32(32)))",
        ),
        one(
            "attention_var_len_batched_query",
            ps(
                t("(2, 100, 4, 8)", name="q"),
                t("(2, 100, 4, 8)", name="k"),
                t("(2, 100, 4, 8)", name="v"),
                t("(5,)", "int32", name="sq"),
                t("()", "int32", name="mq"),
            ),
            "R.nn.attention_var_len(q, k, v, sq, mq)",
        ),
        # pad / losses / pixel_shuffle
        one("pad_constant", t("(2, 3)"), "R.nn.pad(x, pad_width=[1, 1, 0, 2])"),
        one(
            "pad_symbolic", t('("n", 3)'), 'R.nn.pad(x, pad_width=[0, 0, 2, 2], pad_mode="reflect")'
        ),
        one("pad_value", t("(1, 3, 4, 4)"), "R.nn.pad(x, (0, 0, 0, 0, 1, 1, 1, 1), pad_value=1.0)"),
        bad("pad_wrong_length", t("(2, 3)"), "R.nn.pad(x, pad_width=[1, 1])"),
        one(
            "cross_entropy_with_logits",
            ps(t("(4, 10)"), t("(4, 10)", name="y")),
            "R.nn.cross_entropy_with_logits(x, y)",
        ),
        one(
            "cross_entropy_with_logits_1d",
            ps(t('("c",)'), t('("c",)', name="y")),
            "R.nn.cross_entropy_with_logits(x, y)",
        ),
        bad(
            "cross_entropy_with_logits_mismatch",
            ps(t("(4, 10)"), t("(4, 9)", name="y")),
            "R.nn.cross_entropy_with_logits(x, y)",
        ),
        one("nll_loss_mean", ps(t("(4, 10)"), t("(4,)", "int64", name="y")), "R.nn.nll_loss(x, y)"),
        one(
            "nll_loss_none_weights",
            ps(t('("n", "c", 5)'), t('("n", 5)', "int64", name="y"), t('("c",)', name="wt")),
            'R.nn.nll_loss(x, y, wt, reduction="none")',
        ),
        one(
            "nll_loss_sum_1d",
            ps(t("(10,)"), t("()", "int64", name="y")),
            'R.nn.nll_loss(x, y, reduction="sum", ignore_index=0)',
        ),
        bad(
            "nll_loss_bad_reduction",
            ps(t("(4, 10)"), t("(4,)", "int64", name="y")),
            'R.nn.nll_loss(x, y, reduction="avg")',
        ),
        bad("nll_loss_float_targets", ps(t("(4, 10)"), t("(4,)", name="y")), "R.nn.nll_loss(x, y)"),
        one("pixel_shuffle", t("(1, 12, 4, 4)"), "R.nn.pixel_shuffle(x, upscale_factor=2)"),
        one("pixel_shuffle_symbolic", t('("n", 9, "h", "w")'), "R.nn.pixel_shuffle(x, 3)"),
        bad("pixel_shuffle_not_divisible", t("(1, 10, 4, 4)"), "R.nn.pixel_shuffle(x, 2)"),
        bad("relu_two_args", t("(2,)"), "R.nn.relu(x, x)"),
        bad("softmax_bad_keyword", t("(2, 3)"), "R.nn.softmax(x, dim=1)"),
        one("conv2d_unknown_ndim", ps(t(None, "float32"), w2), "R.nn.conv2d(x, w)"),
        one(
            "layer_norm_unknown_ndim",
            ps(t(None, "float32"), g("(8,)", "g"), g("(8,)", "b")),
            "R.nn.layer_norm(x, g, b, axes=-1)",
        ),
        one("max_pool2d_unknown_ndim", t(None, "float32"), "R.nn.max_pool2d(x, pool_size=2)"),
        bad("pad_unknown_ndim", t(None, "float32"), "R.nn.pad(x, [1, 1])"),
        one(
            "batch_norm_unknown_ndim",
            ps(t(None, "float32"), g("(3,)", "g"), g("(3,)", "b"), g("(3,)", "m"), g("(3,)", "v")),
            "R.nn.batch_norm(x, g, b, m, v, axis=1)",
        ),
    ]


@family
def image() -> list[Case]:
    img = t("(1, 3, 16, 16)")
    return [
        one("resize2d_static", img, "R.image.resize2d(x, size=(32, 24))"),
        one(
            "resize2d_int_size",
            img,
            'R.image.resize2d(x, 8, method="nearest_neighbor", rounding_method="floor")',
        ),
        one(
            "resize2d_nhwc_cubic",
            t("(1, 16, 16, 3)"),
            'R.image.resize2d(x, (32, 32), layout="NHWC", method="cubic", '
            'coordinate_transformation_mode="align_corners")',
        ),
        one("resize2d_symbolic", t('("n", "c", "h", "w")'), "R.image.resize2d(x, (h * 2, w * 2))"),
        one("resize2d_shape_var", ps(img, 's: R.Shape(["a", "b"])'), "R.image.resize2d(x, s)"),
        one(
            "resize2d_out_dtype",
            t("(1, 3, 16, 16)", "uint8"),
            'R.image.resize2d(x, (8, 8), out_dtype="float32")',
        ),
        one(
            "resize2d_roi",
            img,
            "R.image.resize2d(x, (8, 8), roi=(0.0, 0.0, 0.5, 0.5), "
            'coordinate_transformation_mode="tf_crop_and_resize")',
        ),
        one("resize2d_ndim", t(None, "float32", 4), "R.image.resize2d(x, (8, 8))"),
        bad("resize2d_rank_mismatch", t("(3, 16, 16)"), "R.image.resize2d(x, (8, 8))"),
        bad("resize2d_size_len", img, "R.image.resize2d(x, (8, 8, 8))"),
        bad("resize2d_bad_layout", img, 'R.image.resize2d(x, (8, 8), layout="NCDHW")'),
        one("resize2d_bad_method", img, 'R.image.resize2d(x, (8, 8), method="area")'),
        one("resize3d", t("(1, 3, 4, 8, 8)"), "R.image.resize3d(x, (8, 16, 16))"),
        one(
            "resize3d_ndhwc",
            t('("n", "d", "h", "w", 3)'),
            'R.image.resize3d(x, (2, 4, 4), layout="NDHWC", method="nearest_neighbor")',
        ),
        bad("resize3d_rank_mismatch", img, "R.image.resize3d(x, (8, 8, 8))"),
        one("grid_sample", ps(img, t("(1, 8, 8, 2)", name="g")), "R.image.grid_sample(x, g)"),
        one(
            "grid_sample_options",
            ps(t('("n", 3, 16, 16)'), t('("n", "h", "w", 2)', name="g")),
            'R.image.grid_sample(x, g, method="nearest", padding_mode="border", '
            "align_corners=True)",
        ),
        one(
            "grid_sample_nhwc",
            ps(t("(1, 16, 16, 3)"), t("(1, 8, 8, 2)", name="g")),
            'R.image.grid_sample(x, g, layout="NHWC")',
        ),
        bad(
            "grid_sample_bad_grid_rank",
            ps(img, t("(1, 8, 8)", name="g")),
            "R.image.grid_sample(x, g)",
        ),
        one("affine_grid", t("(2, 2, 3)", name="th"), "R.image.affine_grid(th, (16, 16))"),
        one(
            "affine_grid_symbolic",
            t('("n", 2, 3)', name="th"),
            "R.image.affine_grid(th, (8, 4), align_corners=False)",
        ),
        bad(
            "affine_grid_bad_theta", t("(2, 3, 3)", name="th"), "R.image.affine_grid(th, (16, 16))"
        ),
        bad("resize2d_bad_keyword", img, 'R.image.resize2d(x, (8, 8), mode="linear")'),
        one("resize2d_unknown_ndim", t(None, "float32"), "R.image.resize2d(x, (8, 8))"),
    ]


@family
def vision() -> list[Case]:
    return [
        one(
            "all_class_non_max_suppression",
            ps(
                t("(1, 100, 4)", name="b"),
                t("(1, 3, 100)", name="s"),
                t("(1,)", "int64", name="m"),
                t("(1,)", name="iou"),
                t("(1,)", name="st"),
            ),
            "R.vision.all_class_non_max_suppression(b, s, m, iou, st)",
        ),
        one(
            "all_class_non_max_suppression_tf",
            ps(
                t('("n", "k", 4)', name="b"),
                t('("n", "c", "k")', name="s"),
                t("()", "int64", name="m"),
                t("()", name="iou"),
                t("()", name="st"),
            ),
            'R.vision.all_class_non_max_suppression(b, s, m, iou, st, output_format="tensorflow")',
        ),
        one(
            "all_class_non_max_suppression_bad_boxes",
            ps(
                t("(1, 100, 5)", name="b"),
                t("(1, 3, 100)", name="s"),
                t("(1,)", "int64", name="m"),
                t("(1,)", name="iou"),
                t("(1,)", name="st"),
            ),
            "R.vision.all_class_non_max_suppression(b, s, m, iou, st)",
        ),
        one(
            "roi_align",
            ps(t("(1, 4, 16, 16)"), t("(8, 5)", name="r")),
            "R.vision.roi_align(x, r, pooled_size=(7, 7), spatial_scale=0.25)",
        ),
        one(
            "roi_align_nhwc_max",
            ps(t('("n", 16, 16, "c")'), t('("k", 5)', name="r")),
            'R.vision.roi_align(x, r, 2, 1.0, sample_ratio=2, aligned=True, layout="NHWC", '
            'mode="max")',
        ),
        bad(
            "roi_align_bad_rois",
            ps(t("(1, 4, 16, 16)"), t("(8, 4)", name="r")),
            "R.vision.roi_align(x, r, pooled_size=7, spatial_scale=1.0)",
        ),
        one(
            "roi_pool",
            ps(t("(1, 4, 16, 16)"), t("(8, 5)", name="r")),
            "R.vision.roi_pool(x, r, pooled_size=(3, 3), spatial_scale=0.5)",
        ),
        one(
            "get_valid_counts",
            t("(1, 100, 6)", name="d"),
            "R.vision.get_valid_counts(d, score_threshold=0.1)",
        ),
        one(
            "get_valid_counts_symbolic",
            t('("b", "n", 5)', name="d"),
            "R.vision.get_valid_counts(d, 0.5, id_index=-1, score_index=0)",
        ),
        bad("get_valid_counts_2d", t("(100, 6)", name="d"), "R.vision.get_valid_counts(d)"),
        body(
            "non_max_suppression",
            t("(1, 100, 6)", name="d"),
            "c = R.vision.get_valid_counts(d, score_threshold=0.1)",
            "y = R.vision.non_max_suppression(c[1], c[0], c[2], max_output_size=10)",
            op="R.vision.non_max_suppression",
        ),
        body(
            "non_max_suppression_no_indices",
            ps(
                t("(1, 100, 6)", name="d"),
                t("(1,)", "int32", name="vc"),
                t("(1, 100)", "int32", name="ix"),
            ),
            "y = R.vision.non_max_suppression(d, vc, ix, iou_threshold=0.7, return_indices=False)",
        ),
        one(
            "multibox_transform_loc",
            ps(t("(1, 3, 100)", name="c"), t("(1, 400)", name="l"), t("(1, 100, 4)", name="a")),
            "R.vision.multibox_transform_loc(c, l, a)",
        ),
        one(
            "multibox_transform_loc_options",
            ps(t("(2, 4, 10)", name="c"), t("(2, 40)", name="l"), t("(1, 10, 4)", name="a")),
            "R.vision.multibox_transform_loc(c, l, a, clip=True, threshold=0.01, "
            "variances=(0.1, 0.1, 0.2, 0.2), keep_background=False)",
        ),
        bad(
            "multibox_transform_loc_bad_loc",
            ps(t("(1, 3, 100)", name="c"), t("(1, 300)", name="l"), t("(1, 100, 4)", name="a")),
            "R.vision.multibox_transform_loc(c, l, a)",
        ),
        bad(
            "roi_align_missing_scale",
            ps(t("(1, 4, 16, 16)"), t("(8, 5)", name="r")),
            "R.vision.roi_align(x, r, 7)",
        ),
        bad(
            "get_valid_counts_bad_keyword",
            t("(1, 100, 6)", name="d"),
            "R.vision.get_valid_counts(d, threshold=0.1)",
        ),
        one(
            "get_valid_counts_ndim", t(None, "float32", 3, name="d"), "R.vision.get_valid_counts(d)"
        ),
    ]


@family
def memory() -> list[Case]:
    return [
        body(
            "memory_alloc_storage_tensor",
            "",
            's = R.memory.alloc_storage(R.shape([64]), 0, "global", "float32")',
            'y = R.memory.alloc_tensor(s, 0, R.shape([4, 4]), "float32")',
        ),
        body(
            "memory_alloc_tensor",
            t('("n",)'),
            's = R.memory.alloc_storage(R.shape([1024]), R.prim_value(0), R.str("global"), '
            'R.dtype("uint8"))',
            'y = R.memory.alloc_tensor(s, 16, R.shape([n, 2]), "float16")',
            op="R.memory.alloc_tensor",
        ),
        body(
            "memory_kill_storage",
            "",
            's = R.memory.alloc_storage(R.shape([64]), 0, "global", "float32")',
            "k = R.memory.kill_storage(s)",
            op="R.memory.kill_storage",
            ret="k",
            pure=False,
        ),
        body(
            "memory_kill_tensor",
            "",
            's = R.memory.alloc_storage(R.shape([64]), 0, "global", "float32")',
            'a = R.memory.alloc_tensor(s, 0, R.shape([16]), "float32")',
            "k = R.memory.kill_tensor(a)",
            op="R.memory.kill_tensor",
            ret="k",
            pure=False,
        ),
        body(
            "memory_kill_storage_in_pure_function",
            "",
            's = R.memory.alloc_storage(R.shape([64]), 0, "global", "float32")',
            "k = R.memory.kill_storage(s)",
            op="R.memory.kill_storage",
            ret="k",
            ok=False,
        ),
        one(
            "memory_alloc_storage_tuple_size",
            "",
            'R.memory.alloc_storage((64,), 0, "global", "float32")',
        ),
        one("memory_view_shape", t("(4, 4)"), "R.memory.view(x, shape=R.shape([16]))"),
        one("memory_view_dtype", t("(4, 4)"), 'R.memory.view(x, dtype=R.dtype("int32"))'),
        one(
            "memory_view_all",
            t("(4, 4)"),
            'R.memory.view(x, R.shape([2, 4]), R.dtype("float16"), R.prim_value(T.int64(8)))',
        ),
        one("memory_view_none", t('("n",)'), "R.memory.view(x)"),
        one("memory_ensure_zero_offset", t('("n", 3)'), "R.memory.ensure_zero_offset(x)"),
        one("builtin_alloc_tensor", "", 'R.builtin.alloc_tensor(R.shape([2, 3]), "float32", 0)'),
        one(
            "builtin_alloc_tensor_symbolic",
            t('("n",)'),
            'R.builtin.alloc_tensor(R.shape([n]), R.dtype("int8"), R.prim_value(0), "global")',
        ),
        one("builtin_stop_lift_params", t('("n", 4)'), "R.builtin.stop_lift_params(x)"),
        one("stop_lift_params", t("(2,)", "float16"), "R.stop_lift_params(x)"),
        body(
            "vm_alloc_storage_tensor",
            "",
            's = R.vm.alloc_storage(R.shape([64]), 0, "uint8")',
            'y = R.vm.alloc_tensor(s, 0, R.shape([4, 4]), "float32")',
        ),
        body(
            "vm_alloc_tensor_symbolic",
            t('("n",)'),
            's = R.vm.alloc_storage(R.shape([n * 4]), 0, "uint8", "global")',
            'y = R.vm.alloc_tensor(s, 0, R.shape([n]), "float32")',
            op="R.vm.alloc_tensor",
        ),
        body(
            "vm_kill_object",
            "",
            's = R.vm.alloc_storage(R.shape([64]), 0, "uint8")',
            "k = R.vm.kill_object(s)",
            op="R.vm.kill_object",
            ret="k",
            pure=False,
        ),
        Case(
            "vm_call_tir_dyn",
            "R.vm.call_tir_dyn",
            mod("""
    @T.prim_func
    def copy(a: T.handle, b: T.handle, n: T.int64):
        A = T.match_buffer(a, (n,), "float32")
        B = T.match_buffer(b, (n,), "float32")
        for i in range(n):
            B[i] = A[i]

    @R.function(pure=False)
    def main(x: R.Tensor(("n",), "float32"), y: R.Tensor(("n",), "float32")):
        n = T.int64()
        cls = Module
        z = R.vm.call_tir_dyn(cls.copy, (x, y, R.shape([n])))
        return z
"""),
        ),
        bad(
            "builtin_alloc_tensor_missing_device",
            "",
            'R.builtin.alloc_tensor(R.shape([2, 3]), "float32")',
        ),
        bad(
            "memory_view_bad_keyword",
            t("(4, 4)"),
            "R.memory.view(x, offset=R.prim_value(T.int64(8)))",
        ),
    ]


PRIM_ADD_ONE = """
    @T.prim_func
    def add_one(A: T.Buffer((2, 3), "float32"), B: T.Buffer((2, 3), "float32")):
        for i, j in T.grid(2, 3):
            B[i, j] = A[i, j] + T.float32(1)
"""
PRIM_SPLIT = """
    @T.prim_func
    def split2(A: T.Buffer((4,), "float32"), B: T.Buffer((2,), "float32"),
               C: T.Buffer((2,), "float32")):
        for i in range(2):
            B[i] = A[i]
            C[i] = A[i + 2]
"""
PRIM_DYN = """
    @T.prim_func
    def copy(a: T.handle, b: T.handle):
        n = T.int64()
        A = T.match_buffer(a, (n,), "float32")
        B = T.match_buffer(b, (n,), "float32")
        for i in range(n):
            B[i] = A[i]
"""


def _main(params: str, *lines: str, pure: bool = True) -> str:
    deco = "@R.function" if pure else "@R.function(pure=False)"
    body_text = "\n".join("        " + ln for ln in lines)
    return f"\n    {deco}\n    def main({params}):\n        cls = Module\n{body_text}\n"


@family
def calls() -> list[Case]:
    x23 = t("(2, 3)")
    return [
        Case(
            "call_tir",
            "R.call_tir",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23,
                    'y = R.call_tir(cls.add_one, (x,), out_ty=R.Tensor((2, 3), "float32"))',
                    "return y",
                )
            ),
        ),
        Case(
            "call_tir_single_arg_not_tuple",
            "R.call_tir",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23, 'y = R.call_tir(cls.add_one, x, R.Tensor((2, 3), "float32"))', "return y"
                )
            ),
        ),
        Case(
            "call_tir_tuple_output",
            "R.call_tir",
            mod(
                PRIM_SPLIT
                + _main(
                    t("(4,)"),
                    'y = R.call_tir(cls.split2, (x,), out_ty=[R.Tensor((2,), "float32"), '
                    'R.Tensor((2,), "float32")])',
                    "return y",
                )
            ),
        ),
        Case(
            "call_tir_symbolic",
            "R.call_tir",
            mod(
                PRIM_DYN
                + _main(
                    t('("n",)'),
                    'y = R.call_tir(cls.copy, (x,), out_ty=R.Tensor((n,), "float32"))',
                    "return y",
                )
            ),
        ),
        Case(
            "call_tir_out_shape_mismatch",
            "R.call_tir",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23,
                    'y = R.call_tir(cls.add_one, (x,), out_ty=R.Tensor((3, 2), "float32"))',
                    "return y",
                )
            ),
            ok=False,
        ),
        Case(
            "call_tir_out_not_tensor_type",
            "R.call_tir",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23, "y = R.call_tir(cls.add_one, (x,), out_ty=R.Shape([2, 3]))", "return y"
                )
            ),
            ok=False,
        ),
        Case(
            "call_tir_missing_out_ty",
            "R.call_tir",
            mod(PRIM_ADD_ONE + _main(x23, "y = R.call_tir(cls.add_one, (x,))", "return y")),
            ok=False,
        ),
        Case(
            "call_tir_undefined_function",
            "R.call_tir",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23,
                    'y = R.call_tir(cls.add_two, (x,), out_ty=R.Tensor((2, 3), "float32"))',
                    "return y",
                )
            ),
            ok=False,
        ),
        Case(
            "call_tir_inplace",
            "R.call_tir_inplace",
            mod(
                """
    @T.prim_func
    def inc(A: T.Buffer((2, 3), "float32")):
        for i, j in T.grid(2, 3):
            A[i, j] = A[i, j] + T.float32(1)
"""
                + _main(
                    x23,
                    'y = R.call_tir_inplace(cls.inc, (x,), 0, out_ty=R.Tensor((2, 3), "float32"))',
                    "return y",
                )
            ),
        ),
        Case(
            "call_tir_inplace_bad_index",
            "R.call_tir_inplace",
            mod(
                """
    @T.prim_func
    def inc(A: T.Buffer((2, 3), "float32")):
        for i, j in T.grid(2, 3):
            A[i, j] = A[i, j] + T.float32(1)
"""
                + _main(
                    x23,
                    'y = R.call_tir_inplace(cls.inc, (x,), 1, out_ty=R.Tensor((2, 3), "float32"))',
                    "return y",
                )
            ),
            ok=False,
        ),
        Case(
            "call_tir_with_grad",
            "R.call_tir_with_grad",
            mod(
                PRIM_ADD_ONE
                + _main(
                    x23,
                    "y = R.call_tir_with_grad(cls.add_one, (x,), "
                    'out_ty=R.Tensor((2, 3), "float32"), '
                    'te_grad_name="add_one_grad", te_grad_kwargs={"k": 1.0})',
                    "return y",
                )
            ),
        ),
        one(
            "call_dps_packed",
            x23,
            'R.call_dps_packed("my_ext", (x,), out_ty=R.Tensor((2, 3), "float32"))',
        ),
        one(
            "call_dps_packed_tuple",
            t('("n",)'),
            'R.call_dps_packed("my_ext", (x, x), [R.Tensor((n,), "float32"), '
            'R.Tensor((n, 2), "int32")])',
        ),
        one(
            "call_dps_packed_extern_func",
            x23,
            'R.call_dps_packed(R.ExternFunc("my_ext"), (x,), R.Tensor((2, 3), "float32"))',
        ),
        one(
            "call_pure_packed",
            x23,
            'R.call_pure_packed("my_pure", x, R.prim_value(1), ty_args=R.Tensor((6,), "float32"))',
        ),
        one(
            "call_pure_packed_tuple_ty",
            x23,
            'R.call_pure_packed("my_pure", x, ty_args=[R.Tensor((2, 3), "float32"), R.Object])',
        ),
        bad("call_pure_packed_missing_ty_args", x23, 'R.call_pure_packed("my_pure", x)'),
        one(
            "call_packed",
            x23,
            'R.call_packed("my_packed", x, ty_args=R.Tensor((2, 3), "float32"))',
            pure=False,
        ),
        one("call_packed_no_ty_args", x23, 'R.call_packed("my_packed", x)', pure=False),
        one(
            "call_packed_kwargs",
            x23,
            'R.call_packed("my_packed", x, ty_args=R.Object, alpha=1)',
            pure=False,
        ),
        bad(
            "call_packed_in_pure_function",
            x23,
            'R.call_packed("my_packed", x, ty_args=R.Tensor((2, 3), "float32"))',
        ),
        one(
            "call_inplace_packed",
            x23,
            'R.call_inplace_packed("my_inplace", x, inplace_indices=0, '
            'ty_args=R.Tensor((2, 3), "float32"))',
        ),
        bad(
            "call_inplace_packed_type_mismatch",
            x23,
            'R.call_inplace_packed("my_inplace", x, inplace_indices=0, '
            'ty_args=R.Tensor((3, 2), "float32"))',
        ),
        one(
            "call_builtin_with_ctx",
            x23,
            'R.call_builtin_with_ctx("vm.builtin.my", (x,), ty_args=R.Tensor((2, 3), "float32"))',
            pure=False,
        ),
        bad(
            "call_builtin_with_ctx_in_pure_function",
            x23,
            'R.call_builtin_with_ctx("vm.builtin.my", (x,), ty_args=R.Object)',
        ),
        bad(
            "call_builtin_with_ctx_no_ty",
            x23,
            'R.call_builtin_with_ctx("vm.builtin.my", (x,))',
            pure=False,
        ),
        one("call_py_func", x23, 'R.call_py_func("my_py", x, out_ty=R.Tensor((2, 3), "float32"))'),
        one("extern_func_value", "", 'R.ExternFunc("my_ext")'),
        Case(
            "call_global_function",
            "R.function",
            mod("""
    @R.function
    def helper(x: R.Tensor(("n",), "float32")) -> R.Tensor(("n",), "float32"):
        return R.add(x, x)

    @R.function
    def main(x: R.Tensor((5,), "float32")):
        cls = Module
        y = cls.helper(x)
        return y
"""),
        ),
        Case(
            "call_global_function_bad_arg",
            "R.function",
            mod("""
    @R.function
    def helper(x: R.Tensor(("n",), "float32")) -> R.Tensor(("n",), "float32"):
        return R.add(x, x)

    @R.function
    def main(x: R.Tensor((5, 2), "float32")):
        cls = Module
        y = cls.helper(x)
        return y
"""),
            ok=False,
        ),
        Case(
            "make_closure_invoke_closure",
            "R.invoke_closure",
            mod("""
    @R.function
    def lifted(env: R.Tuple(R.Tensor((2, 3), "float32")), x: R.Tensor((2, 3), "float32")):
        return R.add(env[0], x)

    @R.function(pure=False)
    def main(x: R.Tensor((2, 3), "float32")):
        cls = Module
        c = R.make_closure(cls.lifted, (x,))
        y = R.invoke_closure(c, (x,), ty_args=R.Tensor((2, 3), "float32"))
        return y
"""),
        ),
        Case(
            "invoke_pure_closure",
            "R.invoke_pure_closure",
            mod("""
    @R.function
    def lifted(env: R.Tuple(R.Tensor((2, 3), "float32")), x: R.Tensor((2, 3), "float32")):
        return R.add(env[0], x)

    @R.function
    def main(x: R.Tensor((2, 3), "float32")):
        cls = Module
        c = R.make_closure(cls.lifted, (x,))
        y = R.invoke_pure_closure(c, (x,), ty_args=[R.Tensor((2, 3), "float32")])
        return y
"""),
        ),
        one("make_closure", t("(2,)"), 'R.make_closure(R.ExternFunc("f"), (x,))'),
    ]


@family
def exprs() -> list[Case]:
    xs = t('("n", "m")')
    return [
        one("shape_literal", "", "R.shape([1, 2, 3])"),
        one("shape_symbolic", xs, "R.shape([n, m * 2])"),
        one("shape_expr_class", "", "R.ShapeExpr([4, 5])"),
        one("shape_empty", "", "R.shape([])"),
        one("shape_of", xs, "R.shape_of(x)"),
        one("shape_of_ndim", t(None, "float32", 3), "R.shape_of(x)"),
        one("shape_of_unknown_ndim", t(None, "float32"), "R.shape_of(x)"),
        bad("shape_of_shape", "s: R.Shape([2])", "R.shape_of(s)"),
        one("tensor_to_shape", t("(3,)", "int64"), "R.tensor_to_shape(x)"),
        bad("tensor_to_shape_2d", t("(3, 1)", "int64"), "R.tensor_to_shape(x)"),
        one("shape_to_tensor", 's: R.Shape(["a", 4])', "R.shape_to_tensor(s)"),
        bad("shape_to_tensor_on_tensor", t("(2,)"), "R.shape_to_tensor(x)"),
        one("size", t('("n", 4)'), "R.size(x)"),
        one("size_unknown", t(None, "float32"), "R.size(x)"),
        one("prim_value_int", "", "R.prim_value(1)"),
        one("prim_value_float", "", "R.prim_value(1.5)"),
        one("prim_value_typed", "", "R.prim_value(T.int32(7))"),
        one("prim_value_symbolic", xs, "R.prim_value(n * m + 1)"),
        one("prim_value_bool", "", "R.prim_value(T.bool(True))"),
        one("str", "", 'R.str("hello")'),
        bad("str_non_string", "", "R.str(3)"),
        one("dtype", "", 'R.dtype("float16")'),
        bad("dtype_bad", "", 'R.dtype("floaty")'),
        one("const_scalar", "", "R.const(1.5)"),
        one("const_int", "", "R.const(3)"),
        one("const_bool", "", "R.const(True)"),
        one("const_dtype", "", 'R.const(2, "float16")'),
        one("const_list", "", 'R.const([1, 2, 3], "int32")'),
        one("const_nested_list", "", "R.const([[1.0, 2.0], [3.0, 4.0]])"),
        bad("const_ragged", "", "R.const([[1, 2], [3]])"),
        one("tuple", ps(t("(2,)"), t('("n",)', "int32", name="y")), "R.tuple(x, y)"),
        one("tuple_empty", "", "R.tuple()"),
        one("tuple_nested", t("(2,)"), "R.tuple(x, R.tuple(x, R.shape([1])), R.prim_value(2))"),
        one("tuple_python_syntax", ps(t("(2,)"), t("(3,)", name="y")), "(x, y)", op="R.tuple"),
        body(
            "tuple_get_item",
            ps(t("(2,)"), t("(3,)", name="y")),
            "tu = (x, y)",
            "z = tu[1]",
            op="R.TupleGetItem",
        ),
        body(
            "tuple_get_item_class",
            'x: R.Tuple(R.Tensor((2,), "float32"), R.Shape([3]))',
            "z = R.TupleGetItem(x, 1)",
        ),
        body(
            "tuple_get_item_out_of_range",
            'x: R.Tuple(R.Tensor((2,), "float32"), R.Shape([3]))',
            "z = x[2]",
            op="R.TupleGetItem",
            ok=False,
        ),
        body("tuple_get_item_on_tensor", t("(2, 3)"), "z = x[0]", op="R.TupleGetItem", ok=False),
        one("null_value", "", "R.null_value()"),
        one("print", t("(2,)"), 'R.print(x, format="x={}")', pure=False),
        one("print_many", ps(t("(2,)"), t("(3,)", name="y")), "R.print(x, y)", pure=False),
        bad("print_in_pure_function", t("(2,)"), "R.print(x)"),
        one("assert_op", t("()", "bool", name="c"), 'R.assert_op(c, format="failed")', pure=False),
        one(
            "assert_op_format_args",
            ps(t("()", "bool", name="c"), t("(2,)")),
            'R.assert_op(c, [x], format="x={}")',
            pure=False,
        ),
        one(
            "assert_op_prim_condition", t('("n",)'), "R.assert_op(R.prim_value(n > 0))", pure=False
        ),
        bad("assert_op_non_bool", t("()", "int32", name="c"), "R.assert_op(c)", pure=False),
        bad("assert_op_non_scalar", t("(2,)", "bool", name="c"), "R.assert_op(c)", pure=False),
        Case(
            "to_vdevice",
            "R.to_vdevice",
            mod("""
    I.module_global_infos({"vdevice": [I.vdevice("llvm"), I.vdevice("cuda", 0)]})

    @R.function
    def main(x: R.Tensor((2, 3), "float32")):
        y = R.to_vdevice(x, "cuda:0")
        return y
"""),
        ),
        Case(
            "to_vdevice_annotated_input",
            "R.to_vdevice",
            mod("""
    I.module_global_infos({"vdevice": [I.vdevice("llvm"), I.vdevice("cuda", 0)]})

    @R.function
    def main(x: R.Tensor(("n", 3), "float32", "llvm")):
        y = R.to_vdevice(x, "cuda")
        z = R.add(y, y)
        return z
"""),
        ),
        Case(
            "to_vdevice_unknown_device",
            "R.to_vdevice",
            mod("""
    I.module_global_infos({"vdevice": [I.vdevice("llvm")]})

    @R.function
    def main(x: R.Tensor((2, 3), "float32")):
        y = R.to_vdevice(x, "cuda:1")
        return y
"""),
            ok=False,
        ),
        Case(
            "add_across_vdevices",
            "R.add",
            mod("""
    I.module_global_infos({"vdevice": [I.vdevice("llvm"), I.vdevice("cuda", 0)]})

    @R.function
    def main(x: R.Tensor((2, 3), "float32", "llvm"), y: R.Tensor((2, 3), "float32", "cuda")):
        z = R.add(x, y)
        return z
"""),
            ok=False,
        ),
        one("hint_on_device", t("(2, 3)"), "R.hint_on_device(x, R.cpu(0))"),
        one(
            "hint_on_device_scope", t('("n",)'), 'R.hint_on_device(x, R.cuda(1), "global.texture")'
        ),
        bad(
            "annotation_bad_keyword",
            'x: R.Tensor((2, 3), "float32", layout="NC")',
            "R.exp(x)",
            op="R.Tensor",
        ),
        # binding annotations and match_cast (checked against the inferred struct info)
        body("annotation_less_specific", xs, "y: R.Tensor(ndim=2) = R.add(x, x)", op="R.add"),
        body(
            "annotation_more_specific",
            t(None, "float32", 2),
            'y: R.Tensor((2, 3), "float32") = R.add(x, x)',
            op="R.add",
        ),
        body(
            "annotation_wrong_dtype",
            t("(2, 3)"),
            'y: R.Tensor((2, 3), "float16") = R.add(x, x)',
            op="R.add",
            ok=False,
        ),
        body("annotation_object", t("(2, 3)"), "y: R.Object = R.add(x, x)"),
        body(
            "match_cast_refine",
            t(None, "float32"),
            "a = T.int64()",
            "b = T.int64()",
            'y = R.match_cast(x, R.Tensor((a, b), "float32"))',
            "z = R.add(y, y)",
        ),
        body(
            "match_cast_string_dims",
            t(None, "float32"),
            'y = R.match_cast(x, R.Tensor(("a", "b"), "float32"))',
            ok=False,
        ),
        body(
            "match_cast_shape",
            "s: R.Shape(ndim=2)",
            "a = T.int64()",
            "b = T.int64()",
            "y = R.match_cast(s, R.Shape([a, b]))",
            'z = R.zeros(y, "int32")',
        ),
        body(
            "match_cast_undefined_dim",
            "s: R.Shape(ndim=2)",
            "y = R.match_cast(s, R.Shape([a, 2]))",
            ok=False,
        ),
        body(
            "match_cast_wrong_kind", t("(2, 3)"), "y = R.match_cast(x, R.Shape([2, 3]))", ok=False
        ),
        body(
            "dataflow_block",
            t('("n",)'),
            "with R.dataflow():",
            "    a = R.exp(x)",
            "    b = R.add(a, x)",
            "    R.output(b)",
            ret="b",
        ),
        body(
            "if_else_join",
            ps(t('("n", 3)'), t("()", "bool", name="c")),
            "if c:",
            "    y = R.add(x, x)",
            "else:",
            '    y = R.zeros((4, 3), "float32")',
            op="R.If",
            ret="y",
        ),
        # parameter annotations that are not tensors
        body("prim_param", 'x: R.Prim("int64")', "y = R.add(x, x)", op="R.Prim"),
        body(
            "prim_param_multiply_tensor",
            ps('x: R.Prim("float32")', t("(2,)", name="z")),
            "y = R.multiply(z, x)",
            op="R.Prim",
        ),
        body(
            "callable_param",
            ps('fn: R.Callable([R.Tensor((2,), "float32")], R.Tensor((2,), "float32"))', t("(2,)")),
            "y = fn(x)",
            op="R.Callable",
        ),
        body(
            "callable_param_bad_arg",
            ps('fn: R.Callable([R.Tensor((2,), "float32")], R.Tensor((2,), "float32"))', t("(3,)")),
            "y = fn(x)",
            op="R.Callable",
            ok=False,
        ),
        body("object_param", "x: R.Object", "y = R.tuple(x, x)", op="R.Object"),
        body("any_param", "x: R.Any", "y = R.tuple(x)", op="R.Any"),
        body("func_attr", t("(2,)"), 'R.func_attr({"global_symbol": "main"})', "y = R.exp(x)"),
        one("hint_on_device_opencl", t("(2,)"), "R.hint_on_device(x, R.opencl(0))"),
        one("hint_on_device_device", t("(2,)"), 'R.hint_on_device(x, R.device("vulkan", 1))'),
        one(
            "hint_on_device_others",
            t("(2,)"),
            "R.tuple(R.hint_on_device(x, R.metal(0)), R.hint_on_device(x, R.rocm(0)), "
            "R.hint_on_device(x, R.webgpu(0)), R.hint_on_device(x, R.hexagon(0)), "
            "R.hint_on_device(x, R.ext_dev(0)), R.hint_on_device(x, R.vpi(0)), "
            "R.hint_on_device(x, R.vulkan(0)))",
            op="R.hint_on_device",
        ),
    ]


MESH = """
    I.module_attrs({"device_num": 2})
    I.module_global_infos({"mesh": [R.dist.device_mesh((2,), I.Range(0, 2))]})
"""


@family
def distributed() -> list[Case]:
    x48 = t("(4, 8)")
    dt = 'x: R.dist.DTensor((4, 8), "float32", "mesh[0]", "R")'
    return [
        one("ccl_allreduce", x48, 'R.ccl.allreduce(x, "sum")'),
        one(
            "ccl_allreduce_max_sym",
            t('("n", 8)'),
            'R.ccl.allreduce(x, op_type="max", in_group=False)',
        ),
        bad("ccl_allreduce_bad_op", x48, 'R.ccl.allreduce(x, "median")'),
        one("ccl_allgather", x48, "R.ccl.allgather(x, num_workers=2)"),
        one("ccl_allgather_sym", t('("n", 8)'), "R.ccl.allgather(x, 4)"),
        one("ccl_broadcast_from_worker0", t(None, "float16", 2), "R.ccl.broadcast_from_worker0(x)"),
        one(
            "ccl_scatter_from_worker0", x48, "R.ccl.scatter_from_worker0(x, num_workers=2, axis=1)"
        ),
        bad(
            "ccl_scatter_from_worker0_not_divisible",
            x48,
            "R.ccl.scatter_from_worker0(x, num_workers=3)",
        ),
        one("ccl_scatter_from_worker0_sym", t('("n", 8)'), "R.ccl.scatter_from_worker0(x, 2)"),
        one(
            "dist_redistribute_replica_to_shard",
            x48,
            "R.dist.redistribute_replica_to_shard(x, num_workers=2, axis=0)",
        ),
        bad(
            "dist_redistribute_replica_to_shard_bad",
            t("(3, 8)"),
            "R.dist.redistribute_replica_to_shard(x, 2, 0)",
        ),
        Case(
            "dist_redistribute",
            "R.dist.redistribute",
            mod(
                MESH
                + f"""
    @R.function
    def main({dt}):
        y = R.dist.redistribute(x, "mesh[0]", "S[1]")
        z = R.add(y, y)
        return z
"""
            ),
        ),
        Case(
            "dist_annotate_sharding",
            "R.dist.annotate_sharding",
            mod(
                MESH
                + """
    @R.function
    def main(x: R.Tensor((4, 8), "float32")):
        y = R.dist.annotate_sharding(x, "mesh[0]", "S[0]")
        return y
"""
            ),
        ),
        Case(
            "dist_redistribute_bad_placement",
            "R.dist.redistribute",
            mod(
                MESH
                + f"""
    @R.function
    def main({dt}):
        y = R.dist.redistribute(x, "mesh[0]", "S[2]")
        return y
"""
            ),
            ok=False,
        ),
        Case(
            "dist_const",
            "R.dist.const",
            mod(
                MESH
                + """
    @R.function
    def main():
        y = R.dist.const(1.0, R.dist.DTensor((), "float32", "mesh[0]", "R"))
        return y
"""
            ),
        ),
        Case(
            "dist_call_tir",
            "R.dist.call_tir",
            mod(
                MESH
                + """
    @T.prim_func
    def copy(A: T.Buffer((4, 8), "float32"), B: T.Buffer((4, 8), "float32")):
        for i, j in T.grid(4, 8):
            B[i, j] = A[i, j]

    @R.function
    def main(x: R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[0]")):
        cls = Module
        y = R.dist.call_tir(
            cls.copy, (x,), out_ty=R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[0]")
        )
        return y
"""
            ),
        ),
        Case(
            "dist_call_tir_local_view",
            "R.dist.call_tir_local_view",
            mod(
                MESH
                + """
    @T.prim_func
    def copy(A: T.Buffer((2, 8), "float32"), B: T.Buffer((2, 8), "float32")):
        for i, j in T.grid(2, 8):
            B[i, j] = A[i, j]

    @R.function
    def main(x: R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[0]")):
        cls = Module
        y = R.dist.call_tir_local_view(
            cls.copy, (x,), out_ty=R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[0]")
        )
        return y
"""
            ),
        ),
        Case(
            "dist_add_mismatched_placement",
            "R.add",
            mod(
                MESH
                + """
    @R.function
    def main(x: R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[0]"),
             y: R.dist.DTensor((4, 8), "float32", "mesh[0]", "S[1]")):
        z = R.add(x, y)
        return z
"""
            ),
        ),
        bad("ccl_allgather_bad_keyword", t("(4, 8)"), "R.ccl.allgather(x, workers=2)"),
        one("ccl_allreduce_unknown_ndim", t(None, "float32"), "R.ccl.allreduce(x)"),
    ]


@family
def grad() -> list[Case]:
    return [
        one("grad_no_grad", t('("n", 3)'), "R.grad.no_grad(x)"),
        one("grad_start_checkpoint", t("(2, 3)"), "R.grad.start_checkpoint(x)"),
        one("grad_end_checkpoint", t(None, "float32", 2), "R.grad.end_checkpoint(x)"),
        one(
            "grad_nll_loss_backward",
            ps(t("()", name="g"), t("(4, 10)"), t("(4,)", "int64", name="y")),
            "R.grad.nll_loss_backward(g, x, y)",
        ),
        one(
            "grad_nll_loss_backward_weights",
            ps(
                t('("n", 5)', name="g"),
                t('("n", "c", 5)'),
                t('("n", 5)', "int64", name="y"),
                t('("c",)', name="wt"),
            ),
            'R.grad.nll_loss_backward(g, x, y, wt, reduction="none")',
        ),
        one(
            "grad_max_pool2d_backward",
            ps(t("(1, 3, 4, 4)", name="g"), t("(1, 3, 8, 8)")),
            "R.grad.max_pool2d_backward(g, x, pool_size=(2, 2), strides=(2, 2))",
        ),
        one(
            "grad_avg_pool2d_backward",
            ps(t('("n", 3, 4, 4)', name="g"), t('("n", 3, 8, 8)')),
            "R.grad.avg_pool2d_backward(g, x, pool_size=(2, 2), strides=(2, 2))",
        ),
        one(
            "grad_take_backward",
            ps(t("(3, 5)", name="g"), t("(4, 5)"), t("(3,)", "int64", name="i")),
            "R.grad.take_backward(g, x, i, axis=0)",
        ),
        one(
            "grad_take_backward_flat",
            ps(t('("k",)', name="g"), t('("n",)'), t('("k",)', "int64", name="i")),
            "R.grad.take_backward(g, x, i)",
        ),
        one("grad_no_grad_on_shape", "s: R.Shape([2])", "R.grad.no_grad(s)"),
        bad(
            "grad_take_backward_missing_indices",
            ps(t("(3, 5)", name="g"), t("(4, 5)")),
            "R.grad.take_backward(g, x)",
        ),
        bad(
            "grad_nll_loss_backward_bad_keyword",
            ps(t("()", name="g"), t("(4, 10)"), t("(4,)", "int64", name="y")),
            'R.grad.nll_loss_backward(g, x, y, mode="mean")',
        ),
    ]


# --------------------------------------------------------------------------------------------
# Recording
# --------------------------------------------------------------------------------------------

_ARROW = re.compile(r"-->\s*(?P<file>.*?):(?P<line>\d+):(?P<col>\d+)\s*$", re.M)
_OP_REPR = re.compile(r'ir\.Op\(span=None, .*?name="(?P<name>[\w.]+)".*?support_level=\d+\)')


def _parse_text(source: str) -> str:
    """The source with its import lines commented out, line numbers unchanged."""
    return re.sub(r"^(from tvm\.script import .*)$", r"# \1", source, flags=re.M)


def _error_record(exc: BaseException) -> dict[str, Any]:
    text = str(exc)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    first = lines[0] if lines else type(exc).__name__
    if first.startswith("error: "):
        first = first[len("error: ") :]
    m = _ARROW.search(text)
    rec: dict[str, Any] = {
        "accepted": False,
        "error_type": type(exc).__name__,
        "message": first,
        "message_normalized": _OP_REPR.sub(lambda mm: f"Op({mm.group('name')})", first),
        "line": int(m.group("line")) if m else None,
        "column": int(m.group("col")) if m else None,
    }
    return rec


def _parse(source: str) -> tuple[Any, dict[str, Any]]:
    import tvm_ffi
    from tvm.script import from_source

    try:
        obj = from_source(_parse_text(source))
    except Exception as exc:
        return None, _error_record(exc)
    printed = obj.script()
    rec: dict[str, Any] = {"accepted": True, "printed": printed}
    try:
        again = from_source(printed)
        rec["roundtrip"] = bool(tvm_ffi.structural_equal(obj, again))
    except Exception as exc:
        rec["roundtrip"] = False
        rec["roundtrip_error"] = _error_record(exc)["message"]
    return obj, rec


def _parse_as_file(source: str, path: Path) -> dict[str, Any]:
    """Import ``source`` from a real file, so the decorator parses it (the user's path)."""
    path.write_text(source)
    name = re.search(r"^(?:def|class) (\w+)", source, re.M)
    assert name is not None
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # @I.ir_module looks its class's module up
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        return _error_record(exc)
    finally:
        del sys.modules[path.stem]
    return {"accepted": True, "printed": getattr(module, name.group(1)).script()}


def record_family(
    family: str, file_check: bool, tmp: Path, notes: list[str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse every case of ``family``; return the JSON entries and the problems found."""
    cases: list[Case] = FAMILIES[family]()
    problems: list[str] = []
    names = [c.name for c in cases]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        problems.append(f"{family}: duplicate case names {dup}")
    out: list[dict[str, Any]] = []
    for i, case in enumerate(cases):
        _, rec = _parse(case.source)
        entry: dict[str, Any] = {"name": case.name, "op": case.op, "source": case.source}
        entry.update(rec)
        if rec["accepted"] != case.ok:
            what = "accepted" if rec["accepted"] else f"rejected: {rec['message']}"
            expected = "ok" if case.ok else "error"
            problems.append(f"{family}/{case.name}: expected {expected}, {what}")
        if file_check:
            frec = _parse_as_file(case.source, tmp / f"case_{family}_{i}.py")
            keys = ("accepted", "printed", "line", "column", "message")
            if any(frec.get(k) != rec.get(k) for k in keys):
                if frec["accepted"] or rec["accepted"]:
                    problems.append(f"{family}/{case.name}: decorator path differs: {frec}")
                else:
                    entry["decorator"] = {k: frec[k] for k in ("line", "column", "message")}
                    notes.append(
                        f"{family}/{case.name}: decorator path reports "
                        f"{frec['line']}:{frec['column']} {frec['message'][:60]!r}"
                    )
        out.append(entry)
    return out, problems


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Silence the C++ warnings TVM writes to file descriptor 2 while cases are parsed."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _show(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        print(f"=== {e['name']} ({e['op']})")
        if e["accepted"]:
            body_lines = e["printed"].splitlines()
            start = next(i for i, ln in enumerate(body_lines) if ln.startswith(("@R.", "@I.")))
            print("\n".join(body_lines[start:]))
            if not e["roundtrip"]:
                print("!! roundtrip False", e.get("roundtrip_error", ""))
        else:
            print(f"ERROR {e['line']}:{e['column']} {e['message_normalized']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", help="record only this family (repeatable)")
    ap.add_argument("--show", action="store_true", help="print results instead of writing")
    ap.add_argument(
        "--check",
        action="store_true",
        help="compare with the JSON files on disk instead of writing them",
    )
    ap.add_argument(
        "--no-file-check",
        action="store_true",
        help="skip parsing each case a second time through a real file",
    )
    args = ap.parse_args(argv)
    families = args.only or list(FAMILIES)
    problems: list[str] = []
    notes: list[str] = []
    total = 0
    with tempfile.TemporaryDirectory() as tmpdir:
        sys.path.insert(0, tmpdir)
        for family in families:
            with _quiet_native_stderr():
                entries, probs = record_family(family, not args.no_file_check, Path(tmpdir), notes)
                gc.collect()  # drop half-built IR (and its destructor warnings) here
            problems += probs
            total += len(entries)
            text = json.dumps(entries, sort_keys=True, indent=1) + "\n"
            target = HERE / f"{family}.json"
            if args.show:
                _show(entries)
            elif args.check:
                if not target.exists() or target.read_text() != text:
                    problems.append(f"{family}: {target.name} is out of date")
            else:
                target.write_text(text)
            print(f"{family}: {len(entries)} cases")
    print(f"total: {total} cases")
    for n in notes:
        print("NOTE:", n)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
