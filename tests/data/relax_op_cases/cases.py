"""Operator cases: each a call of one R.* operator on inputs of given struct info."""

import json


def T(shape, dtype="float32", ndim=None):
    d = {"tensor": shape, "dtype": dtype}
    if ndim is not None:
        d["ndim"] = ndim
    return d


def Tup(*a):
    return {"tuple": list(a)}


def S(*dims):
    return {"shape": list(dims)}


def SV(ndim=-1):
    return {"shapevar": ndim}


def PV(dtype="int64"):
    return {"primvar": dtype}


def P(v, dtype):
    return {"primval": v, "dtype": dtype}


def C(v, dtype="float32"):
    return {"const": v, "dtype": dtype}


def sym(e):
    return {"sym": e}


def Str(s):
    return {"str": s}


def Obj():
    return {"object": True}


CASES = []


def case(op, *args, **kwargs):
    CASES.append({"op": op, "args": list(args), "kwargs": kwargs})


F = "float32"
UNARY = [
    "abs",
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
    "sign",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
    "isfinite",
    "isinf",
    "isnan",
    "bitwise_not",
    "logical_not",
]
for op in UNARY:
    case(op, T([2, 3]))
    case(op, T(["n", 4]))
    case(op, T([2, 3], "int32"))
    case(op, T(None, F, ndim=3))
    case(op, T(None, ""))
for op in ["nn.relu", "nn.gelu", "nn.gelu_tanh", "nn.silu", "nn.selu", "nn.relu6"]:
    case(op, T([2, 3]))
    case(op, T([2, 3], "int32"))
    case(op, T(None, F, ndim=2))
BINARY = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "floor_mod",
    "mod",
    "power",
    "maximum",
    "minimum",
    "atan2",
    "log_add_exp",
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "left_shift",
    "right_shift",
]
for op in BINARY:
    case(op, T([2, 3]), T([3]))
    case(op, T([2, 1, 3]), T([4, 1]))
    case(op, T([2, 3]), T([4]))
    case(op, T([2, 3], "int32"), T([2, 3], "int32"))
    case(op, T([2, 3]), T([2, 3], "float16"))
    case(op, T(["n", 3]), T(["m", 3]))
    case(op, T(["n", 3]), T([1, 3]))
    case(op, T(["n", 3]), T([3]))
    case(op, T(None, F, ndim=2), T([3]))
    case(op, T(None, ""), T([2, 3]))
    case(op, T([2, 3], "bool"), T([2, 3], "bool"))
    case(op, T([2, 3]), C(1.0))
    case(op, T([2, 3]), P(1.0, "float32"))
    case(op, T([2, 3], "int64"), PV("int64"))
    case(op, T(["n"]), T([1]))
    case(op, T([4, 1]), T(None, F, ndim=3))
case("ewise_fma", T([2, 3]), T([2, 3]), T([2, 3]))
case("ewise_fma", T([2, 3]), T([3]), T([2, 3]))
case("ewise_fma", T([2, 3]), T([2, 3], "int32"), T([2, 3]))
case("ewise_fma", T(["n", 3]), T(["n", 3]), T(["n", 3]))
case("clip", T([2, 3]), 0, 1)
case("clip", T([2, 3]), -0.5, 0.5)
case("clip", T([2, 3], "int32"), 0, 6)
# reductions
for op in ["sum", "mean", "max", "min", "prod", "std", "variance"]:
    case(op, T([2, 3, 4]))
    case(op, T([2, 3, 4]), axis=1)
    case(op, T([2, 3, 4]), axis=[0, 2], keepdims=True)
    case(op, T([2, 3, 4]), axis=-1)
    case(op, T([2, 3, 4]), axis=3)
    case(op, T([2, 3, 4]), axis=[1, -2])
    case(op, T(["n", "m"]), axis=1)
    case(op, T(None, F, ndim=3), axis=1)
    case(op, T(None, F), axis=1)
    case(op, T(None, F), axis=1, keepdims=True)
    case(op, T(None, F))
    case(op, T([2, 3], "int32"), keepdims=True)
for op in ["argmax", "argmin"]:
    case(op, T([2, 3, 4]))
    case(op, T([2, 3, 4]), axis=1)
    case(op, T([2, 3, 4]), axis=-1, keepdims=True)
    case(op, T([2, 3]), keepdims=True)
    case(op, T(None, F, ndim=3), axis=1)
    case(op, T(None, F), axis=0)
    case(op, T([2, 3]), axis=2)
case("median", T([2, 3, 4]))
case("median", T([2, 3, 4]), axis=1)
case("median", T([2, 3, 4]), axis=1, keepdims=True)
case("median", T([2, 3]), axis=[0, 1])
for op in ["cumsum", "cumprod"]:
    case(op, T([2, 3]))
    case(op, T([2, 3]), axis=1)
    case(op, T([2, 3]), axis=1, dtype="int64", exclusive=True)
    case(op, T([2, 3]), axis=2)
    case(op, T(["n", 3]), axis=0)
    case(op, T(None, F, ndim=2))
    case(op, T(None, F, ndim=2), axis=1)
# linear algebra
case("matmul", T([2, 3]), T([3, 4]))
case("matmul", T([2, 3]), T([4, 5]))
case("matmul", T([3]), T([3, 4]))
case("matmul", T([2, 3]), T([3]))
case("matmul", T([3]), T([3]))
case("matmul", T([5, 2, 3]), T([3, 4]))
case("matmul", T([5, 1, 2, 3]), T([6, 3, 4]))
case("matmul", T([5, 2, 2, 3]), T([3, 3, 4]))
case("matmul", T(["b", "n", 3]), T([3, "m"]))
case("matmul", T([2, 3]), T([3, 4]), out_dtype="float16")
case("matmul", T([2, 3]), T([3, 4], "float16"))
case("matmul", T([2, 3], "int8"), T([3, 4], "int8"), out_dtype="int32")
case("matmul", T(None, F, ndim=3), T([3, 4]))
case("matmul", T(None, F), T([3, 4]))
case("matmul", T(["n", "k"]), T(["k", "m"]))
case("matmul", T([2, 3]), T([3, 4]), out_dtype="void")
case("matmul", T([1, 3]), T(None, F, ndim=1))
case("outer", T([3]), T([4]))
case("outer", T([3, 2]), T([4]))
case("outer", T(["n"]), T(["m"], "float16"))
case("linear", T([2, 3]), T([4, 3]))
case("linear", T([2, 3]), T([4, 3]), T([4]))
case("linear", T([2, 3]), T([4, 5]))
case("einsum", Tup(T([2, 3]), T([3, 4])), "ij,jk->ik")
case("einsum", Tup(T([2, 3])), "ii")
case("einsum", Tup(T([3, 3])), "ii->i")
case("einsum", Tup(T([5, 2, 3]), T([5, 3, 4])), "bij,bjk->bik")
case("einsum", Tup(T([2, 3]), T([3, 4])), "ij,jk")
case("einsum", Tup(T([2, 3]), T([4, 4])), "ij,jk->ik")
case("einsum", Tup(T(["n", 3]), T([3, "m"])), "ij,jk->ik")
case("einsum", Tup(T([2, 3, 4])), "...j->...")
# manipulation
case("reshape", T([2, 3, 4]), [6, 4])
case("reshape", T([2, 3, 4]), [-1, 4])
case("reshape", T([2, 3, 4]), [5, 5])
case("reshape", T(["n", "m"]), [sym("n*m")])
case("reshape", T(["n", "m"]), [-1])
case("reshape", T(["n", 4]), [-1, 2])
case("reshape", T(["n", 4, "m"]), [sym("n"), -1])
case("reshape", T([2, 3]), S(3, 2))
case("reshape", T([2, 3]), SV(2))
case("reshape", T(None, F, ndim=2), [6])
case("reshape", T([2, 3]), [-1, -1])
case("reshape", T([6]), [0, 6])
case("reshape", T([2, 3], ""), [3, 2])
case("reshape", T(None, F), [-1])
case("permute_dims", T([2, 3, 4]))
case("permute_dims", T([2, 3, 4]), [0, 2, 1])
case("permute_dims", T([2, 3, 4]), [2, 0])
case("permute_dims", T([2, 3, 4]), [-1, 0, 1])
case("permute_dims", T(None, F, ndim=3), [1, 0, 2])
case("permute_dims", T(None, F))
case("permute_dims", T(None, F), [1, 0])
case("permute_dims", T([2, 3]), [0, 0])
case("permute_dims", T([2, 3, 4]), axes=[1, 2, 0])
case("expand_dims", T([2, 3]), 0)
case("expand_dims", T([2, 3]), [0, 3])
case("expand_dims", T([2, 3]), -1)
case("expand_dims", T([2, 3]), 4)
case("expand_dims", T(None, F, ndim=2), [1])
case("squeeze", T([2, 1, 3, 1]))
case("squeeze", T([2, 1, 3, 1]), [1])
case("squeeze", T([2, 1, 3]), [0])
case("squeeze", T(["n", 1]))
case("squeeze", T(["n", 1]), [0])
case("squeeze", T(None, F, ndim=3), [1])
case("squeeze", T(None, F, ndim=3))
case("flatten", T([2, 3, 4]))
case("flatten", T(["n", 3]))
case("flatten", T([]))
case("flatten", T(None, F, ndim=2))
case("concat", Tup(T([2, 3]), T([4, 3])))
case("concat", Tup(T([2, 3]), T([2, 5])), axis=1)
case("concat", Tup(T([2, 3]), T([4, 5])))
case("concat", Tup(T([2, 3]), T([4, 3], "int32")))
case("concat", Tup(T(["n", 3]), T(["m", 3])))
case("concat", Tup(T([2, 3]), T([4, 3])), axis=None)
case("concat", Tup(T([2, 3]), T([4, 3, 1])))
case("concat", Tup(T([2, 3]), T(None, F, ndim=2)))
case("concat", Tup(T([2, 3]), T([2, 3])), axis=-1)
case("stack", Tup(T([2, 3]), T([2, 3])))
case("stack", Tup(T([2, 3]), T([2, 3])), axis=2)
case("stack", Tup(T([2, 3]), T([2, 4])), axis=1)
case("stack", Tup(T([2, 3]), T([2, 3])), axis=-1)
case("split", T([6, 4]), 3)
case("split", T([6, 4]), [2, 5])
case("split", T([6, 4]), 2, axis=1)
case("split", T([7, 4]), 3)
case("split", T(["n", 4]), 2)
case("split", T(["n", 4]), [1, 3])
case("split", T([6, 4]), [2, 8])
case("split", T([6, 4]), 1)
case("split", T(None, F, ndim=2), 2)
case("split", T([6, 4]), 3, axis=2)
case("broadcast_to", T([1, 3]), [4, 3])
case("broadcast_to", T([3]), [2, 4, 3])
case("broadcast_to", T([2, 3]), [4, 3])
case("broadcast_to", T(["n", 1]), [sym("n"), 4])
case("tile", T([2, 3]), [2, 2])
case("tile", T([2, 3]), [2])
case("tile", T([2, 3]), [2, 1, 3])
case("tile", T(["n", 3]), 2)
case("repeat", T([2, 3]), 2)
case("repeat", T([2, 3]), 2, axis=1)
case("repeat", T(["n", 3]), 3, axis=0)
case("repeat", T([2, 3]), 2, axis=-1)
case("flip", T([2, 3]), 1)
case("flip", T([2, 3]), 2)
case("collapse_sum_like", T([2, 3]), T([3]))
case("collapse_sum_like", T([2, 3]), T([1, 3]))
case("collapse_sum_to", T([2, 3]), [1, 3])
case("collapse_sum_to", T([2, 3]), [3])
case("layout_transform", T([2, 3]), {"index_map": "transpose"})
case("meshgrid", Tup(T([3]), T([4])))
case("meshgrid", Tup(T([3]), T([4])), indexing="xy")
case("meshgrid", Tup(T(["n"]), T([4]), T([5])))
case("strided_slice", T([8, 9]), [0], [1], [5])
case("strided_slice", T([8, 9]), [0, 1], [1, 0], [7, 9], [2, 3])
case("strided_slice", T([8, 9]), [1], [-5], [-1])
case("strided_slice", T(["n", 9]), [0], [1], [3])
case("strided_slice", T(["n", 9]), [1], [0], [sym("n")])
case("strided_slice", T([8, 9]), [0], [0], [100])
case("strided_slice", T([8, 9]), [0], [7], [0], [-1])
case("strided_slice", T([8, 9]), [2], [0], [1])
case("strided_slice", T([8, 9]), [0], [0], [1], assume_inbound=True)
case("dynamic_strided_slice", T([8, 9]), T([2], "int64"), T([2], "int64"), T([2], "int64"))
case("slice_scatter", T([8, 9]), T([2, 9]), 0, 2, 1, axis=0)
case("take", T([4, 8]), T([3], "int32"))
case("take", T([4, 8]), T([3], "int32"), axis=0)
case("take", T([4, 8]), T([3, 2], "int64"), axis=1)
case("take", T([4, 8]), T([3], "float32"), axis=0)
case("take", T([4, 8]), T([], "int64"), axis=0)
case("take", T(["n", 8]), T(["m"], "int64"), axis=0)
case("take", T([4, 8]), T([3], "int32"), axis=2)
case("take", T([4, 8]), T([3], "int32"), axis=0, mode="clip")
case("gather_elements", T([4, 8]), T([4, 2], "int32"), axis=1)
case("gather_elements", T([4, 8]), T([4], "int32"))
case("gather_nd", T([4, 8]), T([3, 2], "int32"))
case("gather_nd", T([2, 4, 8]), T([2, 1], "int32"), batch_dims=1)
case("scatter_elements", T([4, 8]), T([4, 2], "int32"), T([4, 2]))
case("scatter_elements", T([4, 8]), T([4, 2], "int32"), T([4, 2]), axis=1, reduction="add")
case("scatter_nd", T([4, 8]), T([3, 1], "int64"), T([3, 8]))
case("scatter_nd", T([4, 8]), T([3, 1], "int64"), T([3, 8]), reduction="add")
case("index_put", T([4, 8]), Tup(T([2], "int64")), T([2, 8]))
case("index_tensor", T([4, 8]), Tup(T([2], "int64")))
case("index_tensor", T([4, 8]), Tup(T([2], "int64"), T([2], "int64")))
case("one_hot", T([3], "int32"), P(1.0, "float32"), P(0.0, "float32"), 5)
case("one_hot", T([3, 2], "int32"), P(1, "int32"), P(0, "int32"), 4, axis=0)
case("tril", T([4, 4]))
case("triu", T([4, 4]), 1)
case("tril", T([2, 4, 4]), -1)
case("where", T([2, 3], "bool"), T([2, 3]), T([2, 3]))
case("where", T([3], "bool"), T([2, 3]), T([1]))
case("where", T([2, 3], "bool"), T([2, 3]), T([2, 3], "int32"))
case("where", T([2, 3], "float32"), T([2, 3]), T([2, 3]))
case("astype", T([2, 3]), "float16")
case("astype", T(["n"]), "int32")
case("astype", T(None, F, ndim=2), "int8")
case("wrap_param", T([2, 3], "float16"))
# creation
case("full", [2, 3], C(1.0))
case("full", [2, 3], C(1.0), "int32")
case("full", S(2, 3), C(1.0))
case("full", [sym("n"), 3], C(0, "int32"))
case("full", [2, 3], C([1.0, 2.0]))
case("full_like", T([2, 3]), C(1.0))
case("full_like", T([2, 3]), C(1.0), "int32")
case("zeros", [2, 3], "float32")
case("ones", [sym("n")], "int32")
case("zeros", SV(2), "float32")
case("zeros_like", T([2, 3]))
case("ones_like", T([2, 3]), "int64")
case("arange", 10)
case("arange", 0, 10, 2)
case("arange", 0.0, 1.0, 0.25)
case("arange", 0, sym("n"))
case("arange", 1, 10, 3, "float32")
case("eye", 3)
case("eye", 3, 4, 1)
case("eye_like", T([3, 4]))
case("eye_like", T([3, 4]), 1, "int32")
case("hamming_window", 10, 1, 0.54, 0.46, "float32")
# search / sort
case("sort", T([2, 3]))
case("sort", T([2, 3]), 0, True)
case("argsort", T([2, 3]))
case("argsort", T([2, 3]), 0, True, "int64")
case("topk", T([2, 8]), 3)
case("topk", T([2, 8]), 3, ret_type="values")
case("topk", T([2, 8]), 3, ret_type="indices", dtype="int64")
case("topk", T([2, 8]), 3, axis=0, largest=False)
case("topk", T(["n", 8]), 3)
case("topk", T(None, F, ndim=2), 3)
case("nonzero", T([2, 3]))
case("unique", T([6]))
case("unique", T([6]), return_counts=True)
case("unique", T([2, 3]), axis=1, return_index=True, return_inverse=True)
case("bucketize", T([5]), T([3]))
case("bucketize", T([5]), T([3]), out_int32=True, right=True)
case("multinomial_from_uniform", T([3, 5]), T([2, 1]), T([2, 1], "int64"))
case("reverse_sequence", T([4, 5]), T([5], "int64"), 0, 1)
# qdq
case("quantize", T([4, 16]), T([16]), T([16], "int8"), axis=1)
case("quantize", T([4, 16]), C(0.5), C(0, "int8"))
case("dequantize", T([4, 16], "int8"), T([16]), T([16], "int8"), axis=1)
case("dequantize", T([4, 16], "int8"), C(0.5), C(0, "int8"), out_dtype="float16")
case("quantize", T([4, 16]), T([15]), T([16], "int8"), axis=1)
# shape ops
case("shape_of", T([2, 3]))
case("shape_of", T(["n", 3]))
case("shape_of", T(None, F, ndim=2))
case("shape_of", T(None, F))
case("shape_to_tensor", S(2, 3))
case("shape_to_tensor", SV(2))
case("tensor_to_shape", T([2], "int64"))
case("tensor_to_shape", T([3], "int64"))
case("size", T([2, 3]))
# nn
for op, k in [("nn.conv1d", 1), ("nn.conv2d", 2), ("nn.conv3d", 3)]:
    s = [1, 3] + [16] * k
    w = [8, 3] + [3] * k
    case(op, T(s), T(w))
    case(op, T(s), T(w), strides=2, padding=1)
    case(op, T(s), T(w), padding=[1] * k, dilation=2)
    case(op, T(s), T([8, 4] + [3] * k))
    case(op, T(s), T(w), out_dtype="float16")
    case(op, T(["n", 3] + ["h"] * k), T(w), padding=1)
    case(op, T([1, 6] + [16] * k), T([8, 3] + [3] * k), groups=2)
    case(op, T(s, ""), T(w))
    case(op, T(None, F, ndim=2 + k), T(w))
for op, k in [("nn.conv1d_transpose", 1), ("nn.conv2d_transpose", 2), ("nn.conv3d_transpose", 3)]:
    s = [1, 3] + [8] * k
    w = [3, 4] + [3] * k
    case(op, T(s), T(w))
    case(op, T(s), T(w), strides=2, padding=1, output_padding=1)
    case(op, T(s), T([4, 4] + [3] * k))
case("nn.conv2d", T([1, 16, 16, 3]), T([3, 3, 3, 8]), data_layout="NHWC", kernel_layout="HWIO")
case("nn.conv2d", T([1, 16, 16, 3]), T([8, 3, 3, 3]), data_layout="NHWC", out_layout="NCHW")
case("nn.conv2d", T([1, 3, 16, 16]), T([8, 3, 3, 3]), padding=[1, 2])
case("nn.conv2d", T([1, 3, 16, 16]), T([8, 3, 3, 3]), padding=[1, 2, 3, 4])
case("nn.conv2d", T([1, 3, 16, 16], "int8"), T([8, 3, 3, 3], "int8"))
for op, k in [
    ("max_pool1d", 1),
    ("max_pool2d", 2),
    ("max_pool3d", 3),
    ("avg_pool1d", 1),
    ("avg_pool2d", 2),
    ("avg_pool3d", 3),
]:
    s = [1, 3] + [16] * k
    case("nn." + op, T(s))
    case("nn." + op, T(s), pool_size=2, strides=2)
    case("nn." + op, T(s), pool_size=3, strides=2, padding=1, ceil_mode=True)
    case("nn." + op, T(["n", 3] + ["h"] * k), pool_size=2, strides=2)
    case("nn." + op, T(s), pool_size=3, dilation=2)
case("nn.max_pool2d", T([1, 16, 16, 3]), pool_size=2, layout="NHWC")
case("nn.avg_pool2d", T([1, 3, 16, 16]), pool_size=[2, 3], padding=[1, 1, 0, 0])
for op, k in [("adaptive_avg_pool1d", 1), ("adaptive_avg_pool2d", 2), ("adaptive_avg_pool3d", 3)]:
    s = [1, 3] + [16] * k
    case("nn." + op, T(s))
    case("nn." + op, T(s), 4)
    case("nn." + op, T(s), [4] * k)
case("nn.softmax", T([2, 3]))
case("nn.softmax", T([2, 3]), axis=0)
case("nn.softmax", T([2, 3]), axis=2)
case("nn.softmax", T([2, 3], "int32"))
case("nn.log_softmax", T([2, 3]), axis=-2)
case("nn.leakyrelu", T([2, 3]))
case("nn.leakyrelu", T([2, 3]), 0.2)
case("nn.softplus", T([2, 3]))
case("nn.softplus", T([2, 3]), 2.0, 10.0)
case("nn.prelu", T([2, 3]), T([3]))
case("nn.prelu", T([2, 3]), T([3]), axis=1)
case("nn.dropout", T([2, 3]))
case("nn.dropout", T([2, 3]), 0.1)
case("nn.batch_flatten", T([2, 3, 4]))
case("nn.pixel_shuffle", T([1, 8, 4, 4]), 2)
case("nn.pad", T([2, 3]), [0, 0, 1, 1])
case("nn.pad", T([2, 3]), [1, 2, 3, 4], "reflect")
case("nn.pad", T([2, 3]), [1, 2, 3, 4], pad_value=1.5)
case("nn.pad", T([2, 3]), [1, 1])
case("nn.batch_norm", T([2, 4, 3, 3]), T([4]), T([4]), T([4]), T([4]), axis=1)
case("nn.batch_norm", T([2, 4, 3, 3]), T([4]), T([4]), T([4]), T([5]), axis=1)
case(
    "nn.batch_norm",
    T([2, 4, 3, 3]),
    T([4]),
    T([4]),
    T([4]),
    T([4]),
    axis=1,
    training=False,
    momentum=0.2,
    epsilon=1e-3,
)
case("nn.layer_norm", T([2, 3, 4]), T([4]), T([4]), [-1])
case("nn.layer_norm", T([2, 3, 4]), T([3, 4]), T([3, 4]), [1, 2])
case("nn.layer_norm", T([2, 3, 4]), T([3]), T([4]), [-1])
case("nn.layer_norm", T([2, 3, 4]), T([4]), T([4]), -1)
case("nn.group_norm", T([2, 4, 3, 3]), T([4]), T([4]), 2, 1, [2, 3])
case("nn.group_norm", T([2, 4, 3, 3]), T([4]), T([4]), 3, 1, [2, 3])
case("nn.instance_norm", T([2, 4, 3, 3]), T([4]), T([4]), 1, [2, 3])
case("nn.rms_norm", T([2, 3, 4]), T([4]))
case("nn.rms_norm", T([2, 3, 4]), T([3, 4]), [1, 2])
case("nn.rms_norm", T([2, 3, 4]), T([3]))
case("nn.attention", T([1, 4, 2, 8]), T([1, 6, 2, 8]), T([1, 6, 2, 16]))
case(
    "nn.attention",
    T([1, 4, 2, 8]),
    T([1, 6, 2, 8]),
    T([1, 6, 2, 16]),
    scale=0.5,
    causal_mask="TopLeft",
)
case("nn.attention", T([1, 4, 2, 8]), T([1, 6, 2, 8]), T([1, 6, 2, 16]), T([1, 2, 4, 6]))
case("nn.attention", T([1, 4, 2, 8]), T([1, 6, 2, 7]), T([1, 6, 2, 16]))
case("nn.attention", T([1, "s", 2, 8]), T([1, "s", 2, 8]), T([1, "s", 2, 8]))
case("nn.attention", T([4, 2, 8]), T([6, 2, 8]), T([6, 2, 16]))
case("nn.attention_bias", T([1, 4, 2, 8]), T([1, 6, 2, 8]), T([1, 6, 2, 16]), T([1, 2, 4, 6]))
case("nn.cross_entropy_with_logits", T([2, 3]), T([2, 3]))
case("nn.nll_loss", T([2, 3]), T([2], "int64"))
case("nn.nll_loss", T([2, 3]), T([2], "int64"), T([3]), "sum")
case("nn.nll_loss", T([2, 3]), T([2], "int64"), reduction="none")
case("nn.nll_loss", T([2, 3, 4]), T([2, 4], "int64"), reduction="none")
# image / vision
case("image.resize2d", T([1, 2, 4, 4]), [8, 8])
case("image.resize2d", T([1, 2, 4, 4]), 8, layout="NHWC")
case(
    "image.resize2d",
    T([1, 4, 4, 2]),
    [8, 6],
    layout="NHWC",
    method="nearest_neighbor",
    out_dtype="float16",
)
case("image.resize3d", T([1, 2, 4, 4, 4]), [8, 8, 8])
case("image.affine_grid", T([1, 2, 3]), [8, 8])
case("image.grid_sample", T([1, 2, 4, 4]), T([1, 8, 8, 2]))
case("vision.roi_align", T([1, 4, 16, 16]), T([5, 5]), [7, 7], 0.5)
case("vision.roi_pool", T([1, 4, 16, 16]), T([5, 5]), [7, 7], 0.5)
case("vision.get_valid_counts", T([1, 10, 6]))
case("vision.non_max_suppression", T([1, 10, 6]), T([1], "int32"), T([1, 10], "int32"))
case(
    "vision.all_class_non_max_suppression",
    T([1, 10, 4]),
    T([1, 3, 10]),
    T([], "int64"),
    T([], "float32"),
    T([], "float32"),
)
case("vision.multibox_transform_loc", T([1, 3, 10]), T([1, 40]), T([1, 10, 4]))
# misc
case("print", T([2, 3]), format="x={}")
case("assert_op", T([], "bool"))
case("assert_op", T([], "bool"), [T([2])], "fail {}")
case("to_vdevice", T([2, 3]), {"vdevice": "llvm"})
case("hint_on_device", T([2, 3]), {"device": "cpu"})
case("ccl.allreduce", T([2, 3]))
case("ccl.allgather", T([2, 3]), 2)
case("ccl.broadcast_from_worker0", T([2, 3]))
case("ccl.scatter_from_worker0", T([4, 3]), 2)
case("grad.no_grad", T([2, 3]))
case("grad.start_checkpoint", T([2, 3]))
case("grad.end_checkpoint", T([2, 3]))
case("grad.take_backward", T([3, 8]), T([4, 8]), T([3], "int32"), axis=0)
case("grad.nll_loss_backward", T([]), T([2, 3]), T([2], "int64"))
case(
    "grad.max_pool2d_backward", T([1, 3, 8, 8]), T([1, 3, 16, 16]), pool_size=[2, 2], strides=[2, 2]
)
case("builtin.stop_lift_params", T([2, 3]))
case("memory.ensure_zero_offset", T([2, 3]))
case("memory.view", T([2, 3]), [6])
case("memory.view", T([2, 3]), [3], "int32")

if __name__ == "__main__":
    print(json.dumps(CASES))
