"""NumPy references of the Relax operators, for the numeric tests of the legalized PrimFuncs.

``REFERENCES[op](*args, **kwargs)`` takes the case's arguments with tensors as NumPy arrays
and Relax scalars as Python numbers, and returns the result (a tuple for several outputs).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]
Ref = Callable[..., Any]


def _axes(axis: object, ndim: int) -> tuple[int, ...] | None:
    if axis is None:
        return None
    items = [axis] if isinstance(axis, int) else list(axis)  # type: ignore[call-overload]
    return tuple(a % ndim for a in items)


def _reduce(f: Callable[..., Array]) -> Ref:
    def ref(x: Array, axis: object = None, keepdims: bool = False) -> Array:
        return np.asarray(f(x, axis=_axes(axis, x.ndim), keepdims=keepdims))

    return ref


def _arg(f: Callable[..., Array]) -> Ref:
    def ref(x: Array, axis: int | None = None, keepdims: bool = False) -> Array:
        out = f(x, axis=axis)
        if keepdims and axis is not None:
            out = np.expand_dims(out, axis)
        return np.asarray(out).astype("int64")

    return ref


def _sign(x: Array) -> Array:
    return np.sign(x).astype(x.dtype)


def _round(x: Array) -> Array:
    return np.round(x) if x.dtype.kind == "f" else x


def _if_float(f: Callable[[Array], Array], x: Array) -> Array:
    return f(x) if x.dtype.kind == "f" else x


def _isfinite(x: Array) -> Array:
    return np.isfinite(x)


_UNARY: dict[str, Ref] = {
    "abs": np.abs, "acos": np.arccos, "acosh": np.arccosh, "asin": np.arcsin, "asinh": np.arcsinh,
    "atan": np.arctan, "atanh": np.arctanh, "ceil": lambda x: _if_float(np.ceil, x),
    "cos": np.cos, "cosh": np.cosh, "exp": np.exp, "floor": lambda x: _if_float(np.floor, x),
    "isfinite": _isfinite, "isinf": np.isinf, "isnan": np.isnan, "log": np.log,
    "negative": np.negative, "round": _round, "rsqrt": lambda x: 1 / np.sqrt(x),
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)), "sign": _sign, "sin": np.sin, "sinh": np.sinh,
    "sqrt": np.sqrt, "square": np.square, "tan": np.tan, "tanh": np.tanh,
    "trunc": np.trunc, "bitwise_not": np.invert, "logical_not": np.logical_not,
    "nn.relu": lambda x: np.maximum(x, 0).astype(x.dtype),
}  # fmt: skip


def _erf(x: Array) -> Array:
    return np.vectorize(math.erf)(x).astype(x.dtype)


def _floor_divide(a: Array, b: Array) -> Array:
    return np.floor_divide(a, b) if a.dtype.kind in "iu" else np.floor(a / b)


def _trunc_divide(a: Array, b: Array) -> Array:
    if a.dtype.kind in "iu":
        return (np.sign(a) * np.sign(b) * (np.abs(a) // np.abs(b))).astype(a.dtype)
    return a / b


_BINARY: dict[str, Ref] = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": _trunc_divide,
    "floor_divide": _floor_divide, "floor_mod": lambda a, b: a - _floor_divide(a, b) * b,
    "mod": np.fmod, "power": np.power, "maximum": np.maximum, "minimum": np.minimum,
    "atan2": np.arctan2, "log_add_exp": np.logaddexp, "equal": np.equal, "not_equal": np.not_equal,
    "less": np.less, "less_equal": np.less_equal, "greater": np.greater,
    "greater_equal": np.greater_equal, "logical_and": np.logical_and, "logical_or": np.logical_or,
    "logical_xor": np.logical_xor, "bitwise_and": np.bitwise_and, "bitwise_or": np.bitwise_or,
    "bitwise_xor": np.bitwise_xor, "left_shift": np.left_shift, "right_shift": np.right_shift,
}  # fmt: skip


def _variance(x: Array, axis: object = None, keepdims: bool = False) -> Array:
    return np.asarray(np.var(x, axis=_axes(axis, x.ndim), keepdims=keepdims))


def _std(x: Array, axis: object = None, keepdims: bool = False) -> Array:
    return np.asarray(np.std(x, axis=_axes(axis, x.ndim), keepdims=keepdims))


def _median(x: Array, axis: object = None, keepdims: bool = False) -> tuple[Array, Array]:
    ax = _axes(axis, x.ndim)
    a = 0 if ax is None else ax[0]
    flat = x.reshape(-1) if ax is None else x
    order = np.argsort(flat, axis=a, kind="stable")
    mid = (flat.shape[a] - 1) // 2
    idx = np.take(order, [mid], axis=a)
    val = np.take_along_axis(flat, idx, axis=a)
    if not keepdims or ax is None:
        idx, val = np.squeeze(idx, a), np.squeeze(val, a)
    return val, idx.astype("int64")


def _matmul(a: Array, b: Array, out_dtype: str | None = None) -> Array:
    dtype = out_dtype or a.dtype
    return np.asarray(np.matmul(a.astype(dtype), b.astype(dtype)))


def _einsum(operands: Sequence[Array], subscripts: str) -> Array:
    return np.asarray(np.einsum(subscripts, *operands))


def _strided_slice(
    x: Array,
    axes: Sequence[int],
    begin: Sequence[int],
    end: Sequence[int],
    strides: Sequence[int] | None = None,
) -> Array:
    index = [slice(None)] * x.ndim
    for k, a in enumerate(axes):
        step = strides[k] if strides else 1
        index[a] = slice(begin[k], end[k], step)
    return x[tuple(index)]


def _split(x: Array, spec: int | Sequence[int], axis: int = 0) -> tuple[Array, ...]:
    return tuple(np.split(x, spec if isinstance(spec, int) else list(spec), axis=axis))


def _squeeze(x: Array, axis: object = None) -> Array:
    return np.squeeze(x, axis=_axes(axis, x.ndim))


def _expand_dims(x: Array, axis: int | Sequence[int]) -> Array:
    return np.expand_dims(x, axis if isinstance(axis, int) else tuple(axis))


def _repeat(x: Array, repeats: int, axis: int | None = None) -> Array:
    return np.repeat(x, repeats, axis=axis)


def _trilu(lower: bool) -> Ref:
    def ref(x: Array, k: int = 0) -> Array:
        return np.tril(x, k) if lower else np.triu(x, k)

    return ref


def _collapse_sum_to(x: Array, shape: Sequence[int]) -> Array:
    lead = x.ndim - len(shape)
    out = x.sum(axis=tuple(range(lead)))
    axes = tuple(i for i, d in enumerate(shape) if d == 1 and out.shape[i] != 1)
    return np.asarray(out.sum(axis=axes, keepdims=True))


def _take(x: Array, idx: Array, axis: int | None = None, mode: str = "fast") -> Array:
    n = x.shape[0 if axis is None else axis]
    if mode == "clip":
        idx = np.clip(idx, 0, n - 1)
    elif mode == "wrap":
        idx = np.mod(idx, n)
    return np.take(x, idx, axis=axis)


def _gather_nd(x: Array, idx: Array, batch_dims: int = 0) -> Array:
    if batch_dims == 0:
        return x[tuple(np.moveaxis(idx, -1, 0))]
    return np.stack([_gather_nd(x[b], idx[b]) for b in range(x.shape[0])])


def _scatter_elements(
    x: Array, idx: Array, upd: Array, axis: int = 0, reduction: str = "update"
) -> Array:
    out = x.copy()
    combine = _SCATTER[reduction]
    for pos in np.ndindex(*idx.shape):
        target = list(pos)
        target[axis] = idx[pos] % x.shape[axis]
        out[tuple(target)] = combine(out[tuple(target)], upd[pos])
    return out


_SCATTER: dict[str, Callable[[Any, Any], Any]] = {
    "update": lambda old, new: new,
    "add": lambda old, new: old + new,
    "mul": lambda old, new: old * new,
    "min": min,
    "max": max,
}


def _scatter_nd(x: Array, idx: Array, upd: Array, reduction: str = "update") -> Array:
    out = x.copy()
    combine = _SCATTER[reduction]
    for pos in np.ndindex(*idx.shape[:-1]):
        out[tuple(idx[pos])] = combine(out[tuple(idx[pos])], upd[pos])
    return out


def _one_hot(i: Array, on: float, off: float, depth: int, axis: int = -1) -> Array:
    eye = np.eye(depth, dtype="float32")[i]
    out = np.where(eye == 1, on, off).astype("float32")
    return np.moveaxis(out, -1, axis) if axis != -1 else out


def _arange(
    start: float, end: float | None = None, step: float = 1, dtype: str | None = None
) -> Array:
    if end is None:
        start, end = 0, start
    return np.arange(start, end, step, dtype=dtype or "int64")


def _cumulative(f: Callable[..., Array]) -> Ref:
    def ref(
        x: Array, axis: int | None = None, dtype: str | None = None, exclusive: bool = False
    ) -> Array:
        data = x.reshape(-1) if axis is None else x
        a = 0 if axis is None else axis
        out = f(data.astype(dtype or x.dtype), axis=a)
        if exclusive:
            neutral = 0 if f is np.cumsum else 1
            out = np.concatenate(
                [
                    np.full_like(np.take(out, [0], axis=a), neutral),
                    np.take(out, range(out.shape[a] - 1), axis=a),
                ],
                axis=a,
            )
        return out

    return ref


def _sort(x: Array, axis: int = -1, descending: bool = False) -> Array:
    return -np.sort(-x, axis=axis, kind="stable") if descending else np.sort(x, axis=axis)


def _argsort(x: Array, axis: int = -1, descending: bool = False, dtype: str = "int32") -> Array:
    key = -x if descending else x
    return np.argsort(key, axis=axis, kind="stable").astype(dtype)


def _topk(
    x: Array,
    k: int = 1,
    axis: int = -1,
    ret_type: str = "both",
    largest: bool = True,
    dtype: str = "int32",
) -> Any:
    order = np.argsort(-x if largest else x, axis=axis, kind="stable")
    idx = np.take(order, range(k), axis=axis)
    val = np.take_along_axis(x, idx, axis=axis)
    return {"both": (val, idx.astype(dtype)), "values": val, "indices": idx.astype(dtype)}[ret_type]


def _bucketize(x: Array, b: Array, out_int32: bool = False, right: bool = False) -> Array:
    out = np.searchsorted(b, x, side="right" if right else "left")
    return out.astype("int32" if out_int32 else "int64")


def _index_put(x: Array, idx: Sequence[Array], v: Array, accumulate: bool = False) -> Array:
    out = x.copy()
    if accumulate:
        np.add.at(out, tuple(idx), v)
    else:
        out[tuple(idx)] = v
    return out


def _slice_scatter(x: Array, src: Array, start: int, end: int, step: int, axis: int = 0) -> Array:
    out = x.copy()
    index = [slice(None)] * x.ndim
    index[axis] = slice(start, end, step)
    out[tuple(index)] = src
    return out


def _take_backward(g: Array, x: Array, idx: Array, axis: int | None = None) -> Array:
    out = np.zeros_like(x)
    for pos, i in np.ndenumerate(idx):
        out[i] += g[pos]
    return out


def _nll_loss_backward(
    g: Array,
    x: Array,
    t: Array,
    w: Array | None = None,
    reduction: str = "mean",
    ignore_index: int = -100,
) -> Array:
    weights = np.ones(x.shape[1], x.dtype) if w is None else w
    out = np.zeros_like(x)
    total = sum(weights[c] for c in t if c != ignore_index)
    for n, c in enumerate(t):
        if c == ignore_index:
            continue
        up = g[n] if reduction == "none" else g
        out[n, c] = -weights[c] * up / (total if reduction == "mean" else 1)
    return out


def _reverse_sequence(x: Array, n: Array, seq_axis: int = 1, batch_axis: int = 0) -> Array:
    out = x.copy()
    for b in range(x.shape[batch_axis]):
        k = int(n[b])
        row = np.take(x, b, axis=batch_axis)
        flipped = np.concatenate(
            [
                np.flip(np.take(row, range(k), axis=seq_axis - 1), seq_axis - 1),
                np.take(row, range(k, row.shape[seq_axis - 1]), axis=seq_axis - 1),
            ],
            axis=seq_axis - 1,
        )
        index = [slice(None)] * x.ndim
        index[batch_axis] = b
        out[tuple(index)] = flipped
    return out


_MANIPULATION: dict[str, Ref] = {
    "permute_dims": lambda x, axes=None: np.transpose(x, axes),
    "reshape": lambda x, shape: x.reshape(shape),
    "concat": lambda xs, axis=0: np.concatenate(xs, axis=axis),
    "split": _split,
    "strided_slice": _strided_slice,
    "squeeze": _squeeze,
    "expand_dims": _expand_dims,
    "flatten": lambda x: x.reshape(-1),
    "broadcast_to": lambda x, shape: np.broadcast_to(x, shape),
    "tile": lambda x, repeats: np.tile(x, repeats),
    "repeat": _repeat,
    "flip": lambda x, axis: np.flip(x, axis),
    "where": lambda c, a, b: np.where(c, a, b),
    "tril": _trilu(True),
    "triu": _trilu(False),
    "stack": lambda xs, axis=0: np.stack(xs, axis=axis),
    "collapse_sum_to": _collapse_sum_to,
    "collapse_sum_like": lambda x, y: _collapse_sum_to(x, y.shape),
    "meshgrid": lambda xs, indexing="ij": tuple(np.meshgrid(*xs, indexing=indexing)),
}


def _full(shape: Sequence[int], value: Any, dtype: str | None = None) -> Array:
    v = np.asarray(value)
    return np.full(shape, v, dtype=dtype or v.dtype)


def _hamming(n: int, periodic: int, alpha: float, beta: float, dtype: str) -> Array:
    denom = n if periodic else n - 1
    return (alpha - beta * np.cos(2 * np.pi * np.arange(n) / max(denom, 1))).astype(dtype)


_CREATION: dict[str, Ref] = {
    "hamming_window": _hamming,
    "zeros": lambda shape, dtype: np.zeros(shape, dtype),
    "ones": lambda shape, dtype: np.ones(shape, dtype),
    "full": _full,
    "zeros_like": lambda x, dtype=None: np.zeros_like(x, dtype=dtype),
    "ones_like": lambda x, dtype=None: np.ones_like(x, dtype=dtype),
    "full_like": lambda x, v, dtype=None: np.full_like(x, np.asarray(v), dtype=dtype),
    "arange": _arange,
    "eye": lambda n, m=None, k=0, dtype="float32": np.eye(n, m, k, dtype=dtype),
    "eye_like": lambda x, k=0, dtype=None: np.eye(*x.shape, k=k, dtype=dtype or x.dtype),
    "astype": lambda x, dtype: x.astype(dtype),
}


REFERENCES: dict[str, Ref] = {
    **_UNARY,
    "erf": _erf,
    **_BINARY,
    "clip": lambda x, lo, hi: np.clip(x, lo, hi).astype(x.dtype),
    "sum": _reduce(np.sum),
    "prod": _reduce(np.prod),
    "max": _reduce(np.max),
    "min": _reduce(np.min),
    "mean": _reduce(np.mean),
    "variance": _variance,
    "std": _std,
    "argmax": _arg(np.argmax),
    "argmin": _arg(np.argmin),
    "median": _median,
    "matmul": _matmul,
    "outer": lambda a, b: np.outer(a, b),
    "einsum": _einsum,
    **_MANIPULATION,
    "take": _take,
    "gather_elements": lambda x, i, axis=0: np.take_along_axis(x, i, axis),
    "gather_nd": _gather_nd,
    "scatter_elements": _scatter_elements,
    "scatter_nd": _scatter_nd,
    "one_hot": _one_hot,
    **_CREATION,
    "cumsum": _cumulative(np.cumsum),
    "cumprod": _cumulative(np.cumprod),
    "sort": _sort,
    "argsort": _argsort,
    "topk": _topk,
    "bucketize": _bucketize,
    "size": lambda x: np.asarray(x.size, "int64"),
    "ewise_fma": lambda a, b, c: a * b + c,
    "index_tensor": lambda x, idx: x[tuple(idx)],
    "index_put": _index_put,
    "slice_scatter": _slice_scatter,
    "grad.start_checkpoint": lambda x: x,
    "grad.take_backward": _take_backward,
    "grad.nll_loss_backward": _nll_loss_backward,
    "reverse_sequence": _reverse_sequence,
}
