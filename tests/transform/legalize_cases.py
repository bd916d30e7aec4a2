"""Legalization cases as plain data: one Relax operator call on typed parameters.

Shared by the tests (which build the call with our operator constructors) and by
``data/record.py`` (which renders it as TVMScript for TVM 0.27 and records TVM's legalized
module), so this module imports nothing of ours or TVM's.

A case is ``Case(name, op, params, args, kwargs)``: ``op`` is the operator's script name
(``"add"``, ``"nn.conv2d"``); ``params`` are ``(name, shape, dtype)`` (a string dimension is
symbolic); an argument is a parameter name, a Python value, or a tagged tuple:
``("shape", [dims])`` → ``R.shape``, ``("prim", value, dtype)`` → ``R.prim_value``,
``("const", value, dtype)`` → ``R.const``, ``("tuple", [args])`` → a Relax tuple.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Dim = int | str
Param = tuple[str, tuple[Dim, ...], str]


@dataclass(frozen=True)
class Case:
    """One operator call to legalize."""

    name: str
    op: str
    params: tuple[Param, ...]
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    family: str = ""

    def source(self) -> str:
        """The case as a TVMScript module TVM parses (imports left to the caller)."""
        params = ", ".join(f"{n}: {_tensor_text(s, d)}" for n, s, d in self.params)
        parts = [_arg_text(a) for a in self.args]
        parts += [f"{k}={_arg_text(v)}" for k, v in self.kwargs.items()]
        return (
            "@I.ir_module\n"
            "class Module:\n"
            "    @R.function\n"
            f"    def main({params}):\n"
            "        with R.dataflow():\n"
            f"            gv = R.{self.op}({', '.join(parts)})\n"
            "            R.output(gv)\n"
            "        return gv\n"
        )


def _dim_text(d: Dim) -> str:
    return f'"{d}"' if isinstance(d, str) else str(d)


def _tensor_text(shape: tuple[Dim, ...], dtype: str) -> str:
    dims = ", ".join(_dim_text(d) for d in shape)
    if len(shape) == 1:
        dims += ","
    return f'R.Tensor(({dims}), dtype="{dtype}")'


def _arg_text(a: Any) -> str:
    if isinstance(a, tuple) and a and a[0] in ("shape", "prim", "const", "tuple"):
        return _tagged_text(a)
    if isinstance(a, str):
        return a
    if isinstance(a, list | tuple):
        inner = ", ".join(_arg_text(x) for x in a)
        return f"[{inner}]" if isinstance(a, list) else f"({inner}{',' if len(a) == 1 else ''})"
    return repr(a)


def _tagged_text(a: tuple[Any, ...]) -> str:
    tag = a[0]
    if tag == "shape":
        return f"R.shape([{', '.join(str(d) for d in a[1])}])"
    if tag == "prim":
        if isinstance(a[1], str):  # a symbolic dimension in scope
            return f"R.prim_value({a[1]})"
        return f"R.prim_value(T.{a[2]}({a[1]!r}))"
    if tag == "const":
        return f'R.const({a[1]!r}, "{a[2]}")'
    return f"({', '.join(_arg_text(x) for x in a[1])},)"


def string(value: str) -> str:
    """A string argument (rendered quoted; bare strings are parameter names)."""
    return repr(value)


F32 = "float32"


def _t(name: str, *shape: Dim, dtype: str = F32) -> Param:
    return (name, tuple(shape), dtype)


def _unary(op: str, dtype: str = F32, family: str = "elementwise") -> Case:
    return Case(f"{op}_{dtype}", op, (_t("x", 2, 3, dtype=dtype),), ("x",), family=family)


_UNARY_FLOAT = [
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "erf",
    "exp", "floor", "isfinite", "isinf", "isnan", "log", "negative", "round", "rsqrt",
    "sigmoid", "sign", "sin", "sinh", "sqrt", "square", "tan", "tanh", "trunc",
]  # fmt: skip
_UNARY_INT = ["abs", "negative", "sign", "square", "bitwise_not", "ceil", "floor", "round"]
_BINARY_FLOAT = [
    "add", "subtract", "multiply", "divide", "floor_divide", "floor_mod", "mod", "power",
    "maximum", "minimum", "atan2", "log_add_exp", "equal", "not_equal", "less", "less_equal",
    "greater", "greater_equal",
]  # fmt: skip
_BINARY_INT = [
    "add", "subtract", "multiply", "divide", "floor_divide", "floor_mod", "mod", "maximum",
    "minimum", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "less",
]  # fmt: skip
_BINARY_BOOL = ["logical_and", "logical_or", "logical_xor"]


def _elementwise() -> list[Case]:
    cases = [_unary(op) for op in _UNARY_FLOAT]
    cases += [_unary(op, "int32") for op in _UNARY_INT]
    cases.append(_unary("logical_not", "bool"))
    cases.append(_unary("exp", "float16"))
    pair = (_t("x", 2, 3), _t("y", 2, 3))
    cases += [Case(f"{op}_f32", op, pair, ("x", "y"), family="elementwise") for op in _BINARY_FLOAT]
    ipair = (_t("x", 2, 3, dtype="int32"), _t("y", 2, 3, dtype="int32"))
    cases += [Case(f"{op}_i32", op, ipair, ("x", "y"), family="elementwise") for op in _BINARY_INT]
    bpair = (_t("x", 2, 3, dtype="bool"), _t("y", 2, 3, dtype="bool"))
    cases += [
        Case(f"{op}_bool", op, bpair, ("x", "y"), family="elementwise") for op in _BINARY_BOOL
    ]
    bcast = (_t("x", 4, 1, 8), _t("y", 6, 1))
    cases += [
        Case("add_broadcast", "add", bcast, ("x", "y"), family="elementwise"),
        Case("add_same_arg", "add", (_t("x", 4, 4),), ("x", "x"), family="elementwise"),
        Case("add_scalar_const", "add", (_t("x", 4, 4),), ("x", ("const", 1.5, F32)),
             family="elementwise"),
        Case("add_symbolic", "add", (_t("x", "n", 4), _t("y", "n", 4)), ("x", "y"),
             family="elementwise"),
        Case("add_0d", "add", (_t("x"), _t("y")), ("x", "y"), family="elementwise"),
        Case("clip", "clip", (_t("x", 2, 3),), ("x", 0.0, 6.0), family="elementwise"),
        Case("clip_i32", "clip", (_t("x", 2, 3, dtype="int32"),), ("x", 1, 5),
             family="elementwise"),
        Case("relu", "nn.relu", (_t("x", 2, 3),), ("x",), family="elementwise"),
        Case("relu_i32", "nn.relu", (_t("x", 2, 3, dtype="int32"),), ("x",),
             family="elementwise"),
    ]  # fmt: skip
    return cases


def _family(family: str, *cases: tuple[Any, ...]) -> list[Case]:
    """Cases from ``(name, op, params, args[, kwargs])`` rows."""
    out = []
    for row in cases:
        name, op, params, args = row[:4]
        kwargs = row[4] if len(row) > 4 else {}
        out.append(Case(name, op, tuple(params), tuple(args), kwargs, family))
    return out


def _reduction() -> list[Case]:
    x = [_t("x", 2, 3, 4)]
    rows: list[tuple[Any, ...]] = []
    for op in ("sum", "mean", "max", "min", "prod", "variance", "std"):
        rows.append((f"{op}_axis1", op, x, ["x"], {"axis": 1}))
        rows.append((f"{op}_axes02_keepdims", op, x, ["x"], {"axis": [0, 2], "keepdims": True}))
        rows.append((f"{op}_all", op, x, ["x"]))
    rows += [
        ("sum_all_keepdims", "sum", x, ["x"], {"keepdims": True}),
        ("sum_negative_axis", "sum", x, ["x"], {"axis": -1}),
        ("sum_i32", "sum", [_t("x", 4, 5, dtype="int32")], ["x"], {"axis": 1}),
        ("max_f16", "max", [_t("x", 4, 5, dtype="float16")], ["x"], {"axis": 1}),
        ("max_i32", "max", [_t("x", 4, 5, dtype="int32")], ["x"], {"axis": 0}),
        ("sum_symbolic", "sum", [_t("x", "n", 4)], ["x"], {"axis": 0}),
        ("mean_symbolic", "mean", [_t("x", "n", 4)], ["x"], {"axis": 0}),
        ("argmax_axis1", "argmax", x, ["x"], {"axis": 1}),
        ("argmin_axis0_keepdims", "argmin", x, ["x"], {"axis": 0, "keepdims": True}),
        ("argmax_all", "argmax", x, ["x"]),
        ("argmin_i32", "argmin", [_t("x", 4, 5, dtype="int32")], ["x"], {"axis": 1}),
        ("median_axis1", "median", x, ["x"], {"axis": 1}),
    ]
    return _family("reduction", *rows)


def _linear_algebra() -> list[Case]:
    return _family(
        "linear_algebra",
        ("matmul_2d", "matmul", [_t("a", 4, 8), _t("b", 8, 5)], ["a", "b"]),
        ("matmul_batched", "matmul", [_t("a", 2, 3, 4, 8), _t("b", 8, 5)], ["a", "b"]),
        ("matmul_batch_broadcast", "matmul", [_t("a", 2, 1, 4, 8), _t("b", 3, 8, 5)], ["a", "b"]),
        ("matmul_vec_mat", "matmul", [_t("a", 8), _t("b", 8, 5)], ["a", "b"]),
        ("matmul_mat_vec", "matmul", [_t("a", 4, 8), _t("b", 8)], ["a", "b"]),
        ("matmul_vec_vec", "matmul", [_t("a", 8), _t("b", 8)], ["a", "b"]),
        ("matmul_symbolic", "matmul", [_t("a", "n", 8), _t("b", 8, "m")], ["a", "b"]),
        ("matmul_f16_out_f32", "matmul", [_t("a", 4, 8, dtype="float16"),
                                          _t("b", 8, 5, dtype="float16")], ["a", "b"],
         {"out_dtype": string("float32")}),
        ("matmul_i32", "matmul", [_t("a", 4, 8, dtype="int32"), _t("b", 8, 5, dtype="int32")],
         ["a", "b"]),
        ("outer", "outer", [_t("a", 4), _t("b", 5)], ["a", "b"]),
        ("einsum_matmul", "einsum", [_t("a", 4, 8), _t("b", 8, 5)],
         [["a", "b"], string("ij,jk->ik")]),
    )  # fmt: skip


def _manipulation() -> list[Case]:
    x = [_t("x", 2, 3, 4)]
    return _family(
        "manipulation",
        ("permute_dims_default", "permute_dims", x, ["x"]),
        ("permute_dims_021", "permute_dims", x, ["x"], {"axes": [0, 2, 1]}),
        ("reshape_split_dim", "reshape", [_t("x", 6, 4)], ["x", (3, 8)]),
        ("reshape_flatten", "reshape", x, ["x", (24,)]),
        ("reshape_4d", "reshape", [_t("x", 2, 6, 32)], ["x", (2, 6, 4, 8)]),
        ("reshape_unit_dims", "reshape", [_t("x", 8)], ["x", (1, 8, 1, 1)]),
        ("reshape_merge", "reshape", [_t("x", 2, 3, 4)], ["x", (6, 4)]),
        ("reshape_symbolic", "reshape", [_t("x", "n", 4)], ["x", ("shape", ["n", 2, 2])]),
        ("concat_axis0", "concat", [_t("x", 2, 3), _t("y", 4, 3)], [("tuple", ["x", "y"])]),
        ("concat_axis1_three", "concat", [_t("x", 2, 3), _t("y", 2, 1), _t("z", 2, 2)],
         [("tuple", ["x", "y", "z"])], {"axis": 1}),
        ("split_sections", "split", [_t("x", 4, 6)], ["x", 3], {"axis": 1}),
        ("split_indices", "split", [_t("x", 10, 2)], ["x", [2, 5]]),
        ("strided_slice_step", "strided_slice", [_t("x", 4, 8)], ["x", [1], [1], [8], [2]]),
        ("strided_slice_two_axes", "strided_slice", [_t("x", 4, 8)],
         ["x", [0, 1], [1, 2], [3, 6]]),
        ("strided_slice_negative", "strided_slice", [_t("x", 10)], ["x", [0], [8], [1], [-2]]),
        ("strided_slice_clamped", "strided_slice", [_t("x", 10)], ["x", [0], [-3], [100]]),
        ("squeeze_all", "squeeze", [_t("x", 1, 3, 1, 4)], ["x"]),
        ("squeeze_axis", "squeeze", [_t("x", 1, 3, 1, 4)], ["x"], {"axis": [0]}),
        ("expand_dims", "expand_dims", [_t("x", 3, 4)], ["x", [0, 2]]),
        ("expand_dims_negative", "expand_dims", [_t("x", 3, 4)], ["x", -1]),
        ("flatten", "flatten", x, ["x"]),
        ("broadcast_to", "broadcast_to", [_t("x", 1, 4)], ["x", (3, 4)]),
        ("broadcast_to_rank", "broadcast_to", [_t("x", 4)], ["x", (2, 3, 4)]),
        ("tile", "tile", [_t("x", 2, 3)], ["x", [2, 2]]),
        ("tile_rank", "tile", [_t("x", 2, 3)], ["x", [2, 1, 2]]),
        ("repeat_axis", "repeat", [_t("x", 2, 3)], ["x", 2], {"axis": 1}),
        ("repeat_flat", "repeat", [_t("x", 2, 3)], ["x", 2]),
        ("flip", "flip", [_t("x", 2, 3)], ["x", 1]),
        ("where", "where", [_t("c", 2, 3, dtype="bool"), _t("x", 2, 3), _t("y", 2, 3)],
         ["c", "x", "y"]),
        ("where_broadcast", "where", [_t("c", 2, 1, dtype="bool"), _t("x", 3), _t("y", 2, 3)],
         ["c", "x", "y"]),
        ("tril", "tril", [_t("x", 4, 5)], ["x"]),
        ("triu_k1", "triu", [_t("x", 4, 5)], ["x", 1]),
        ("tril_batched", "tril", [_t("x", 2, 4, 4)], ["x", -1]),
        ("tril_k2", "tril", [_t("x", 4, 5)], ["x", 2]),
        ("tril_k1", "tril", [_t("x", 4, 5)], ["x", 1]),
        ("strided_slice_symbolic_axis", "strided_slice", [_t("x", "n", 8)], ["x", [0], [1], [3]]),
        ("tril_km2", "tril", [_t("x", 4, 5)], ["x", -2]),
        ("triu", "triu", [_t("x", 4, 5)], ["x"]),
        ("triu_k2", "triu", [_t("x", 4, 5)], ["x", 2]),
        ("triu_km1", "triu", [_t("x", 4, 5)], ["x", -1]),
        ("triu_km2", "triu", [_t("x", 4, 5)], ["x", -2]),
        ("stack_three", "stack", [_t("x", 2), _t("y", 2), _t("z", 2)],
         [("tuple", ["x", "y", "z"])]),
        ("concat_symbolic", "concat", [_t("x", "n", 3), _t("y", "m", 3)],
         [("tuple", ["x", "y"])]),
        ("reshape_symbolic_merge", "reshape", [_t("x", "n", "m")], ["x", ("shape", ["n * m"])]),
        ("reshape_symbolic_split", "reshape", [_t("x", "n", 6)], ["x", ("shape", ["n", 2, 3])]),
        ("reshape_symbolic_rows", "reshape", [_t("x", "n", 2, 3)], ["x", ("shape", ["n", 6])]),
        ("permute_dims_symbolic", "permute_dims", [_t("x", "n", 3)], ["x"]),
        ("strided_slice_symbolic", "strided_slice", [_t("x", "n", 8)], ["x", [1], [2], [6]]),
        ("split_symbolic", "split", [_t("x", "n", 6)], ["x", 2], {"axis": 1}),
        ("flip_symbolic", "flip", [_t("x", "n")], ["x", 0]),
        ("repeat_symbolic", "repeat", [_t("x", "n", 3)], ["x", 3], {"axis": 0}),
        ("stack", "stack", [_t("x", 2, 3), _t("y", 2, 3)], [("tuple", ["x", "y"])], {"axis": 1}),
        ("collapse_sum_to", "collapse_sum_to", [_t("x", 2, 3, 4)], ["x", (3, 1)]),
        ("collapse_sum_like", "collapse_sum_like", [_t("x", 2, 3, 4), _t("y", 4)], ["x", "y"]),
        ("meshgrid", "meshgrid", [_t("x", 3), _t("y", 4)], [("tuple", ["x", "y"])]),
    )  # fmt: skip


def _index() -> list[Case]:
    i64 = "int64"
    return _family(
        "index",
        ("take_axis0", "take", [_t("x", 10, 8), _t("i", 4, dtype=i64)], ["x", "i"], {"axis": 0}),
        ("take_axis1_2d", "take", [_t("x", 3, 8), _t("i", 2, 2, dtype="int32")], ["x", "i"],
         {"axis": 1}),
        ("take_flat", "take", [_t("x", 24), _t("i", 4, dtype=i64)], ["x", "i"]),
        ("take_clip", "take", [_t("x", 10, 8), _t("i", 4, dtype=i64)], ["x", "i"],
         {"axis": 0, "mode": string("clip")}),
        ("take_wrap", "take", [_t("x", 10, 8), _t("i", 4, dtype=i64)], ["x", "i"],
         {"axis": 0, "mode": string("wrap")}),
        ("gather_elements", "gather_elements", [_t("x", 3, 4), _t("i", 3, 2, dtype=i64)],
         ["x", "i"], {"axis": 1}),
        ("gather_nd", "gather_nd", [_t("x", 3, 4, 5), _t("i", 6, 2, dtype=i64)], ["x", "i"]),
        ("gather_nd_batch", "gather_nd", [_t("x", 3, 4, 5), _t("i", 3, 2, 1, dtype=i64)],
         ["x", "i"], {"batch_dims": 1}),
        ("scatter_elements", "scatter_elements",
         [_t("x", 3, 4), _t("i", 3, 2, dtype=i64), _t("u", 3, 2)], ["x", "i", "u"], {"axis": 1}),
        ("scatter_nd", "scatter_nd", [_t("x", 4, 3), _t("i", 2, 1, dtype=i64), _t("u", 2, 3)],
         ["x", "i", "u"]),
        ("scatter_elements_add", "scatter_elements",
         [_t("x", 3, 4), _t("i", 3, 2, dtype=i64), _t("u", 3, 2)], ["x", "i", "u"],
         {"axis": 1, "reduction": string("add")}),
        ("index_tensor", "index_tensor", [_t("x", 5, 4), _t("i", 3, dtype=i64)],
         ["x", ("tuple", ["i"])]),
        ("index_tensor_two", "index_tensor", [_t("x", 5, 4), _t("i", 3, dtype=i64),
                                              _t("j", 3, dtype=i64)], ["x", ("tuple", ["i", "j"])]),
        ("index_put", "index_put", [_t("x", 5, 4), _t("i", 2, dtype=i64), _t("j", 2, dtype=i64),
                                    _t("v", 2)], ["x", ("tuple", ["i", "j"]), "v"]),
        ("index_put_accumulate", "index_put", [_t("x", 5), _t("i", 3, dtype=i64), _t("v", 3)],
         ["x", ("tuple", ["i"]), "v"], {"accumulate": True}),
        ("slice_scatter", "slice_scatter", [_t("x", 8, 3), _t("s", 3, 3)],
         ["x", "s", ("prim", 1, i64), ("prim", 7, i64), ("prim", 2, i64)]),
        ("one_hot", "one_hot", [_t("i", 3, dtype="int32")],
         ["i", ("prim", 1.0, F32), ("prim", 0.0, F32), 4]),
    )  # fmt: skip


def _creation() -> list[Case]:
    x = [_t("x", 2, 3)]
    return _family(
        "creation",
        ("zeros", "zeros", [], [(2, 3), string("float32")]),
        ("ones_i32", "ones", [], [(4,), string("int32")]),
        ("full", "full", [], [(2, 3), ("const", 2.5, F32)]),
        ("full_dtype", "full", [], [(2, 3), ("const", 2, "int32"), string("float32")]),
        ("zeros_like", "zeros_like", x, ["x"]),
        ("ones_like_dtype", "ones_like", x, ["x"], {"dtype": string("int32")}),
        ("full_like", "full_like", x, ["x", ("const", 7.0, F32)]),
        ("zeros_symbolic", "zeros", [_t("x", "n")], [("shape", ["n", 2]), string("float32")]),
        ("arange_int", "arange", [], [0, 10, 2], {"dtype": string("int64")}),
        ("arange_float", "arange", [], [0.5, 3.0, 0.5], {"dtype": string("float32")}),
        ("arange_end_only", "arange", [], [5]),
        ("arange_symbolic", "arange", [_t("x", "n")], [("prim", "n", "int64")],
         {"dtype": string("int64")}),
        ("eye", "eye", [], [3, 4]),
        ("eye_k", "eye", [], [4], {"k": 1, "dtype": string("int32")}),
        ("eye_like", "eye_like", [_t("x", 3, 3)], ["x"]),
        ("hamming_window", "hamming_window", [],
         [("prim", 8, i64), ("prim", 1, i64), ("prim", 0.54, "float32"),
          ("prim", 0.46, "float32"), string("float32")]),
    )  # fmt: skip


def _nn() -> list[Case]:
    img = [_t("x", 1, 3, 8, 8), _t("w", 4, 3, 3, 3)]
    rows: list[tuple[Any, ...]] = [
        ("conv2d", "nn.conv2d", img, ["x", "w"]),
        ("conv2d_pad_stride", "nn.conv2d", img, ["x", "w"], {"strides": [2, 2], "padding": [1, 1]}),
        ("conv2d_dilation", "nn.conv2d", img, ["x", "w"], {"dilation": [2, 2], "padding": [2, 2]}),
        ("conv2d_groups", "nn.conv2d", [_t("x", 1, 4, 6, 6), _t("w", 4, 2, 3, 3)], ["x", "w"],
         {"groups": 2}),
        ("conv2d_depthwise", "nn.conv2d", [_t("x", 1, 4, 6, 6), _t("w", 4, 1, 3, 3)], ["x", "w"],
         {"groups": 4, "padding": [1, 1]}),
        ("conv2d_nhwc", "nn.conv2d", [_t("x", 1, 8, 8, 3), _t("w", 4, 3, 3, 3)], ["x", "w"],
         {"data_layout": string("NHWC"), "kernel_layout": string("OHWI")}),
        ("conv2d_asym_pad", "nn.conv2d", img, ["x", "w"], {"padding": [1, 0, 2, 1]}),
        ("conv1d", "nn.conv1d", [_t("x", 1, 3, 10), _t("w", 4, 3, 3)], ["x", "w"],
         {"padding": [1, 1]}),
        ("conv3d", "nn.conv3d", [_t("x", 1, 2, 4, 4, 4), _t("w", 3, 2, 3, 3, 3)], ["x", "w"]),
        ("conv2d_transpose", "nn.conv2d_transpose", [_t("x", 1, 3, 4, 4), _t("w", 3, 2, 3, 3)],
         ["x", "w"], {"strides": [2, 2], "padding": [1, 1]}),
        ("conv1d_transpose", "nn.conv1d_transpose", [_t("x", 1, 3, 5), _t("w", 3, 2, 3)],
         ["x", "w"], {"strides": 2}),
        ("max_pool2d", "nn.max_pool2d", [_t("x", 1, 2, 8, 8)], ["x"],
         {"pool_size": [2, 2], "strides": [2, 2]}),
        ("max_pool2d_pad", "nn.max_pool2d", [_t("x", 1, 2, 7, 7)], ["x"],
         {"pool_size": [3, 3], "strides": [2, 2], "padding": [1, 1]}),
        ("max_pool2d_ceil", "nn.max_pool2d", [_t("x", 1, 2, 7, 7)], ["x"],
         {"pool_size": [2, 2], "strides": [2, 2], "ceil_mode": True}),
        ("max_pool1d", "nn.max_pool1d", [_t("x", 1, 2, 8)], ["x"],
         {"pool_size": [2], "strides": [2]}),
        ("avg_pool2d", "nn.avg_pool2d", [_t("x", 1, 2, 8, 8)], ["x"],
         {"pool_size": [2, 2], "strides": [2, 2]}),
        ("avg_pool2d_pad", "nn.avg_pool2d", [_t("x", 1, 2, 6, 6)], ["x"],
         {"pool_size": [3, 3], "padding": [1, 1]}),
        ("avg_pool2d_pad_count", "nn.avg_pool2d", [_t("x", 1, 2, 6, 6)], ["x"],
         {"pool_size": [3, 3], "padding": [1, 1], "count_include_pad": True}),
        ("avg_pool2d_nhwc", "nn.avg_pool2d", [_t("x", 1, 6, 6, 4)], ["x"],
         {"pool_size": [3, 3], "padding": [1, 1], "layout": string("NHWC")}),
        ("adaptive_avg_pool2d", "nn.adaptive_avg_pool2d", [_t("x", 1, 2, 4, 4)], ["x"],
         {"output_size": [1, 1]}),
        ("adaptive_avg_pool2d_2x2", "nn.adaptive_avg_pool2d", [_t("x", 1, 2, 6, 6)], ["x"],
         {"output_size": [2, 2]}),
        ("adaptive_avg_pool2d_uneven", "nn.adaptive_avg_pool2d", [_t("x", 1, 2, 5, 5)], ["x"],
         {"output_size": [2, 2]}),
        ("softmax", "nn.softmax", [_t("x", 2, 3, 4)], ["x"]),
        ("softmax_axis1", "nn.softmax", [_t("x", 2, 3, 4)], ["x"], {"axis": 1}),
        ("log_softmax", "nn.log_softmax", [_t("x", 2, 4)], ["x"]),
        ("layer_norm", "nn.layer_norm", [_t("x", 4, 8), _t("g", 8), _t("b", 8)],
         ["x", "g", "b", -1]),
        ("layer_norm_2axes", "nn.layer_norm", [_t("x", 2, 3, 4), _t("g", 3, 4), _t("b", 3, 4)],
         ["x", "g", "b", [1, 2]]),
        ("layer_norm_f16", "nn.layer_norm",
         [_t("x", 4, 8, dtype="float16"), _t("g", 8, dtype="float16"), _t("b", 8, dtype="float16")],
         ["x", "g", "b", -1]),
        ("group_norm", "nn.group_norm", [_t("x", 1, 4, 3, 3), _t("g", 4), _t("b", 4)],
         ["x", "g", "b", 2, 1, [2, 3]]),
        ("rms_norm", "nn.rms_norm", [_t("x", 2, 8), _t("w", 8)], ["x", "w"]),
        ("rms_norm_f16", "nn.rms_norm",
         [_t("x", 2, 8, dtype="float16"), _t("w", 8, dtype="float16")], ["x", "w"]),
        ("batch_norm", "nn.batch_norm",
         [_t("x", 2, 3, 4, 4), _t("g", 3), _t("b", 3), _t("m", 3), _t("v", 3)],
         ["x", "g", "b", "m", "v", 1]),
        ("batch_norm_inference", "nn.batch_norm",
         [_t("x", 2, 3, 4, 4), _t("g", 3), _t("b", 3), _t("m", 3), _t("v", 3)],
         ["x", "g", "b", "m", "v", 1], {"training": False}),
        ("instance_norm", "nn.instance_norm", [_t("x", 1, 3, 4, 4), _t("g", 3), _t("b", 3)],
         ["x", "g", "b", 1, [2, 3]]),
        ("gelu", "nn.gelu", [_t("x", 2, 3)], ["x"]),
        ("gelu_tanh", "nn.gelu_tanh", [_t("x", 2, 3)], ["x"]),
        ("silu", "nn.silu", [_t("x", 2, 3)], ["x"]),
        ("selu", "nn.selu", [_t("x", 2, 3)], ["x"]),
        ("leakyrelu", "nn.leakyrelu", [_t("x", 2, 3)], ["x"], {"alpha": 0.2}),
        ("prelu", "nn.prelu", [_t("x", 1, 3, 2, 2), _t("a", 3)], ["x", "a"]),
        ("softplus", "nn.softplus", [_t("x", 2, 3)], ["x"]),
        ("softplus_beta", "nn.softplus", [_t("x", 2, 3)], ["x"], {"beta": 2.0, "threshold": 10.0}),
        ("conv2d_transpose_stride1", "nn.conv2d_transpose",
         [_t("x", 1, 3, 4, 4), _t("w", 3, 2, 3, 3)], ["x", "w"]),
        ("avg_pool2d_s2_pad", "nn.avg_pool2d", [_t("x", 1, 2, 7, 7)], ["x"],
         {"pool_size": [3, 3], "strides": [2, 2], "padding": [1, 1]}),
        ("nll_loss_weights_sum", "nn.nll_loss",
         [_t("x", 2, 3), _t("t", 2, dtype="int64"), _t("w", 3)], ["x", "t", "w"],
         {"reduction": string("sum")}),
        ("cross_entropy_1d", "nn.cross_entropy_with_logits", [_t("x", 3), _t("y", 3)], ["x", "y"]),
        ("attention_bottom_right", "nn.attention",
         [_t("q", 1, 2, 2, 4), _t("k", 1, 3, 2, 4), _t("v", 1, 3, 2, 4)], ["q", "k", "v"],
         {"causal_mask": string("BottomRight")}),
        ("pad", "nn.pad", [_t("x", 2, 3)], ["x", [0, 0, 1, 2]]),
        ("pad_value", "nn.pad", [_t("x", 2, 3)], ["x", [1, 1, 0, 0]], {"pad_value": 1.5}),
        ("pad_reflect", "nn.pad", [_t("x", 2, 4)], ["x", [0, 0, 2, 2]],
         {"pad_mode": string("reflect")}),
        ("pad_edge", "nn.pad", [_t("x", 2, 4)], ["x", [0, 0, 1, 1]], {"pad_mode": string("edge")}),
        ("dropout", "nn.dropout", [_t("x", 2, 3)], ["x"]),
        ("attention", "nn.attention",
         [_t("q", 1, 2, 4, 8), _t("k", 1, 2, 4, 8), _t("v", 1, 2, 4, 8)], ["q", "k", "v"]),
        ("attention_causal", "nn.attention",
         [_t("q", 1, 3, 2, 4), _t("k", 1, 3, 2, 4), _t("v", 1, 3, 2, 4)], ["q", "k", "v"],
         {"causal_mask": string("TopLeft")}),
        ("attention_scale_bias", "nn.attention",
         [_t("q", 1, 3, 2, 4), _t("k", 1, 3, 2, 4), _t("v", 1, 3, 2, 4), _t("bias", 1, 2, 3, 3)],
         ["q", "k", "v", "bias"], {"scale": 0.5}),
        ("cross_entropy_with_logits", "nn.cross_entropy_with_logits",
         [_t("x", 2, 3), _t("y", 2, 3)], ["x", "y"]),
        ("nll_loss", "nn.nll_loss", [_t("x", 2, 3), _t("t", 2, dtype="int64")], ["x", "t"]),
        ("pixel_shuffle", "nn.pixel_shuffle", [_t("x", 1, 8, 2, 2)], ["x", 2]),
        ("batch_flatten", "nn.batch_flatten", [_t("x", 2, 3, 4)], ["x"]),
        ("avg_pool1d", "nn.avg_pool1d", [_t("x", 1, 2, 8)], ["x"],
         {"pool_size": [3], "padding": [1, 1], "count_include_pad": True}),
        ("conv3d_transpose", "nn.conv3d_transpose",
         [_t("x", 1, 2, 3, 3, 3), _t("w", 2, 2, 2, 2, 2)], ["x", "w"], {"strides": [2, 2, 2]}),
        ("max_pool3d", "nn.max_pool3d", [_t("x", 1, 1, 4, 4, 4)], ["x"],
         {"pool_size": [2, 2, 2], "strides": [2, 2, 2]}),
        ("avg_pool3d", "nn.avg_pool3d", [_t("x", 1, 1, 4, 4, 4)], ["x"],
         {"pool_size": [2, 2, 2], "strides": [2, 2, 2]}),
        ("adaptive_avg_pool1d", "nn.adaptive_avg_pool1d", [_t("x", 1, 2, 6)], ["x"],
         {"output_size": [3]}),
        ("adaptive_avg_pool3d", "nn.adaptive_avg_pool3d", [_t("x", 1, 1, 4, 4, 4)], ["x"],
         {"output_size": [2, 2, 2]}),
        ("conv2d_nhwc_groups", "nn.conv2d", [_t("x", 1, 6, 6, 4), _t("w", 4, 3, 3, 2)], ["x", "w"],
         {"groups": 2, "data_layout": string("NHWC"), "kernel_layout": string("OHWI")}),
        ("layer_norm_no_affine", "nn.layer_norm", [_t("x", 4, 8), _t("g", 8), _t("b", 8)],
         ["x", "g", "b", -1], {"center": False, "scale": False}),
        ("pixel_shuffle_4", "nn.pixel_shuffle", [_t("x", 1, 8, 2, 3)], ["x", 2]),
    ]  # fmt: skip
    return _family("nn", *rows)


def _image_qdq() -> list[Case]:
    x = [_t("x", 1, 2, 4, 4)]
    return [
        *_family(
            "image",
            ("resize2d_linear", "image.resize2d", x, ["x", (8, 8)]),
            ("resize2d_nearest", "image.resize2d", x, ["x", (8, 8)],
             {"method": string("nearest_neighbor"), "rounding_method": string("")}),
            ("resize2d_align_corners", "image.resize2d", x, ["x", (7, 7)],
             {"coordinate_transformation_mode": string("align_corners")}),
            ("resize2d_cubic", "image.resize2d", x, ["x", (6, 6)], {"method": string("cubic")}),
            ("resize2d_down", "image.resize2d", x, ["x", (2, 3)]),
            ("resize2d_asymmetric", "image.resize2d", x, ["x", (8, 8)],
             {"coordinate_transformation_mode": string("asymmetric")}),
            ("resize2d_nearest_round", "image.resize2d", x, ["x", (8, 8)],
             {"method": string("nearest_neighbor")}),
            ("resize2d_nearest_asym_floor", "image.resize2d", x, ["x", (8, 8)],
             {"method": string("nearest_neighbor"), "coordinate_transformation_mode":
              string("asymmetric"), "rounding_method": string("floor")}),
            ("resize2d_nhwc", "image.resize2d", [_t("x", 1, 4, 4, 2)], ["x", (8, 8)],
             {"layout": string("NHWC")}),
        ),
        *_family(
            "qdq",
            ("quantize", "quantize", [_t("x", 2, 4), _t("s", 4), _t("z", 4, dtype="int8")],
             ["x", "s", "z"]),
            ("dequantize", "dequantize", [_t("x", 2, 4, dtype="int8"), _t("s", 4),
                                          _t("z", 4, dtype="int8")], ["x", "s", "z"]),
            ("quantize_scalar", "quantize", [_t("x", 2, 4)],
             ["x", ("const", 0.5, F32), ("const", 3, "int8")]),
        ),
    ]  # fmt: skip


def _search() -> list[Case]:
    x = [_t("x", 3, 5)]
    return _family(
        "search",
        ("cumsum", "cumsum", x, ["x"], {"axis": 1}),
        ("cumsum_exclusive", "cumsum", x, ["x"], {"axis": 0, "exclusive": True}),
        ("cumprod", "cumprod", x, ["x"], {"axis": 1}),
        ("cumsum_flat", "cumsum", x, ["x"]),
        ("sort", "sort", x, ["x"]),
        ("sort_descending", "sort", x, ["x"], {"axis": 0, "descending": True}),
        ("argsort", "argsort", x, ["x"]),
        ("topk", "topk", x, ["x", 2]),
        ("topk_values", "topk", x, ["x", 2], {"ret_type": string("values"), "largest": False}),
        ("bucketize", "bucketize", [_t("x", 6), _t("b", 4)], ["x", "b"]),
    )


i64 = "int64"


def _misc() -> list[Case]:
    return _family(
        "misc",
        ("ewise_fma", "ewise_fma", [_t("a", 2, 3), _t("b", 2, 3), _t("c", 2, 3)], ["a", "b", "c"]),
        ("size", "size", [_t("x", 2, 3)], ["x"]),
        ("size_symbolic", "size", [_t("x", "n", 3)], ["x"]),
        ("shape_to_tensor", "shape_to_tensor", [], [("shape", [2, 3])]),
        ("start_checkpoint", "grad.start_checkpoint", [_t("x", 2, 3)], ["x"]),
        (
            "take_backward",
            "grad.take_backward",
            [_t("g", 4, 3), _t("x", 5, 3), _t("i", 4, dtype="int64")],
            ["g", "x", "i"],
            {"axis": 0},
        ),
        (
            "nll_loss_backward",
            "grad.nll_loss_backward",
            [_t("g"), _t("x", 2, 3), _t("t", 2, dtype="int64")],
            ["g", "x", "t"],
        ),
        (
            "reverse_sequence",
            "reverse_sequence",
            [_t("x", 3, 5), _t("n", 3, dtype="int64")],
            ["x", "n"],
            {"seq_axis": 1, "batch_axis": 0},
        ),
    )


def _datatype() -> list[Case]:
    rows: list[tuple[Any, ...]] = []
    for src, dst in [
        ("float32", "float16"),
        ("float16", "float32"),
        ("float32", "int32"),
        ("int32", "float32"),
        ("uint8", "float32"),
        ("float32", "bool"),
        ("bool", "int32"),
        ("int64", "int32"),
        ("float32", "float32"),
    ]:
        rows.append(
            (f"astype_{src}_{dst}", "astype", [_t("x", 2, 3, dtype=src)], ["x", string(dst)])
        )
    return _family("datatype", *rows)  # fmt: skip


CASES: list[Case] = [
    *_elementwise(),
    *_reduction(),
    *_linear_algebra(),
    *_manipulation(),
    *_index(),
    *_creation(),
    *_datatype(),
    *_misc(),
    *_nn(),
    *_image_qdq(),
    *_search(),
]
"""Every case, in recording order."""
