"""The VM's built-in packed functions, registered under TVM's names where TVM has them.

``relax.run.*`` are what ``R.print``, ``R.assert_op``, ``R.nonzero`` and ``R.unique`` lower to;
``vm.builtin.*`` are what TVM's printed low-level modules call (``R.call_packed(
"vm.builtin.match_shape", ...)``, shape heaps and all); ``tvmscript.vm.*`` carry out the
memory operators (``R.memory.*``, ``R.vm.*``) and the few operators the VM runs itself.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Any, Final

import numpy as np

from tvmscript.runtime.packed import register_func
from tvmscript.runtime.vm.values import (
    Array,
    Closure,
    ShapeTuple,
    Storage,
    aligned_empty,
    dtype_ok,
    numpy_dtype,
)


def _text(value: Any) -> str:
    return str(value)


def _truth(value: Any) -> bool:
    if isinstance(value, np.ndarray):
        return bool(value.reshape(()))
    return bool(value)


@register_func("relax.run.print")
def _print(format: str, *values: Any) -> None:
    texts = [_text(v) for v in values]
    if format:
        builtins.print(format.format(*texts))
    else:
        builtins.print(*texts)


@register_func("relax.run.assert_op")
def _assert_op(condition: Any, format: str, *values: Any) -> None:
    if _truth(condition):
        return
    texts = [_text(v) for v in values]
    message = format.format(*texts) if format else "Assertion Failed"
    raise AssertionError(message)


@register_func("relax.run.nonzero")
def _nonzero(x: Array) -> Array:
    return np.array(np.nonzero(x), dtype=np.int64).reshape(x.ndim, -1)


@register_func("relax.run.unique")
def _unique(x: Array, sort: Any, return_index: Any, return_inverse: Any, *rest: Any) -> Any:
    return_counts = bool(rest[0]) if rest else False
    axis = int(rest[1]) if len(rest) > 1 and rest[1] is not None else None
    values, index, inverse, counts = np.unique(
        x, return_index=True, return_inverse=True, return_counts=True, axis=axis
    )
    if not _truth(sort):  # first-occurrence order, as TVM's unsorted unique
        order = np.argsort(index, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(order.size)
        values = np.take(values, order, axis=0 if axis is None else axis)
        index, counts, inverse = index[order], counts[order], rank[inverse]
    extras = [
        a.astype(np.int64)
        for flag, a in ((return_index, index), (return_inverse, inverse), (return_counts, counts))
        if _truth(flag)
    ]
    return (values, *extras) if extras else values


@register_func("relax.run.shape_to_tensor")
def _shape_to_tensor(shape: Sequence[int]) -> Array:
    return np.array(tuple(shape), dtype=np.int64)


@register_func("vm.builtin.shape_of")
def _shape_of(x: Array) -> ShapeTuple:
    return ShapeTuple(x.shape)


@register_func("vm.builtin.tensor_to_shape")
def _tensor_to_shape(x: Array) -> ShapeTuple:
    return ShapeTuple(int(v) for v in np.asarray(x).reshape(-1))


@register_func("vm.builtin.copy")
def _copy(x: Any) -> Any:
    return x.copy() if isinstance(x, np.ndarray) else x


@register_func("vm.builtin.reshape")
def _reshape(x: Array, shape: Sequence[int]) -> Array:
    return np.reshape(x, tuple(shape))


@register_func("vm.builtin.null_value")
def _null_value() -> None:
    return None


@register_func("vm.builtin.read_if_cond")
def _read_if_cond(x: Any) -> bool:
    return _truth(x)


@register_func("vm.builtin.tuple_getitem")
def _tuple_getitem(t: Sequence[Any], index: int) -> Any:
    return t[int(index)]


@register_func("vm.builtin.to_device")
def _to_device(x: Any, *device: Any) -> Any:
    return x


@register_func("vm.builtin.invoke_closure")
def _invoke_closure(closure: Callable[..., Any], *args: Any) -> Any:
    return closure(*args)


@register_func("vm.builtin.make_closure")
def _make_closure(func: Callable[..., Any], *captured: Any) -> Closure:
    return Closure(func, captured)


# -- shape heaps (TVM's VMShapeLower) --------------------------------------------------------

# TVM's MatchShapeCode and MakeShapeCode.
_ASSERT_EQUAL_TO_IMM: Final = 0
_STORE_TO_HEAP: Final = 1
_NO_OP: Final = 2
_ASSERT_EQUAL_TO_LOAD: Final = 3
_LOAD_SHAPE: Final = 1


@register_func("vm.builtin.alloc_shape_heap")
def _alloc_shape_heap(size: int) -> Array:
    return np.zeros(int(size), dtype=np.int64)


def _match_values(
    values: Sequence[int], heap: Array | None, codes: Sequence[Any], err: str
) -> None:
    for i, value in enumerate(values):
        code, arg = int(codes[2 * i]), int(codes[2 * i + 1])
        if code == _ASSERT_EQUAL_TO_IMM and value != arg:
            raise ValueError(f"{err}: dimension {i} must be {arg}, got {value}")
        if code == _STORE_TO_HEAP and heap is not None:
            heap[arg] = value
        if code == _ASSERT_EQUAL_TO_LOAD and heap is not None and value != heap[arg]:
            raise ValueError(f"{err}: dimension {i} must be {int(heap[arg])}, got {value}")


def _split_err(rest: Sequence[Any]) -> tuple[Sequence[Any], str]:
    if rest and isinstance(rest[-1], str):
        return rest[:-1], rest[-1]
    return rest, "match_shape"


@register_func("vm.builtin.match_shape")
def _match_shape(value: Any, heap: Array | None, ndim: int, *rest: Any) -> None:
    codes, err = _split_err(rest)
    values = value.shape if isinstance(value, np.ndarray) else tuple(value)
    if len(values) != int(ndim):
        raise ValueError(f"{err}: expected {int(ndim)} dimensions, got {len(values)}")
    _match_values(values, heap, codes, err)


@register_func("vm.builtin.match_prim_value")
def _match_prim_value(value: Any, heap: Array | None, code: int, arg: int, *rest: Any) -> None:
    _, err = _split_err(rest)
    _match_values([int(value)], heap, [code, arg], err)


@register_func("vm.builtin.make_shape")
def _make_shape(heap: Array | None, n: int, *codes: Any) -> ShapeTuple:
    out = []
    for i in range(int(n)):
        code, arg = int(codes[2 * i]), int(codes[2 * i + 1])
        out.append(int(heap[arg]) if code == _LOAD_SHAPE and heap is not None else arg)
    return ShapeTuple(out)


@register_func("vm.builtin.make_prim_value")
def _make_prim_value(heap: Array | None, code: int, arg: int) -> int:
    return int(heap[int(arg)]) if int(code) == _LOAD_SHAPE and heap is not None else int(arg)


@register_func("vm.builtin.check_tensor_info")
def _check_tensor_info(x: Any, *rest: Any) -> None:
    args, err = _split_err(rest)
    if not isinstance(x, np.ndarray):
        raise ValueError(f"{err}: expected a tensor, got {type(x).__name__}")
    if args and int(args[0]) >= 0 and x.ndim != int(args[0]):
        raise ValueError(f"{err}: expected {int(args[0])} dimensions, got {x.ndim}")
    if len(args) > 1 and args[1] not in (None, "", "void") and not dtype_ok(x, str(args[1])):
        raise ValueError(f"{err}: expected dtype {args[1]}, got {x.dtype}")


@register_func("vm.builtin.check_shape_info")
def _check_shape_info(x: Any, ndim: int, *rest: Any) -> None:
    _, err = _split_err(rest)
    if not isinstance(x, tuple) or (int(ndim) >= 0 and len(x) != int(ndim)):
        raise ValueError(f"{err}: expected a shape of {int(ndim)} values, got {x!r}")


@register_func("vm.builtin.check_prim_value_info")
def _check_prim_value_info(x: Any, *rest: Any) -> None:
    _, err = _split_err(rest)
    if not isinstance(x, int | float | bool | np.generic):
        raise ValueError(f"{err}: expected a scalar, got {type(x).__name__}")


@register_func("vm.builtin.check_tuple_info")
def _check_tuple_info(x: Any, size: int, *rest: Any) -> None:
    _, err = _split_err(rest)
    if not isinstance(x, tuple) or len(x) != int(size):
        raise ValueError(f"{err}: expected a tuple of {int(size)} elements, got {x!r}")


@register_func("vm.builtin.check_func_info")
def _check_func_info(x: Any, *rest: Any) -> None:
    _, err = _split_err(rest)
    if not callable(x):
        raise ValueError(f"{err}: expected a function, got {type(x).__name__}")


# -- memory ----------------------------------------------------------------------------------


def _nbytes(shape: Sequence[int], dtype: str) -> int:
    count = 1
    for d in shape:
        count *= int(d)
    return count * numpy_dtype(dtype).itemsize


@register_func("tvmscript.vm.empty")
def _empty(shape: Sequence[int], dtype: str, *device: Any) -> Array:
    return np.empty(tuple(shape), numpy_dtype(dtype))


@register_func("tvmscript.vm.memory_alloc_storage")
def _memory_alloc_storage(size: Sequence[int], device: Any, scope: str, dtype: str) -> Storage:
    return Storage(_nbytes(size, dtype))


@register_func("tvmscript.vm.vm_alloc_storage")
def _vm_alloc_storage(shape: Sequence[int], dtype: str, *rest: Any) -> Storage:
    return Storage(_nbytes(shape, dtype))


@register_func("vm.builtin.alloc_storage")
def _builtin_alloc_storage(shape: Sequence[int], device: Any, dtype: str, *rest: Any) -> Storage:
    return Storage(_nbytes(shape, dtype))


@register_func("tvmscript.vm.alloc_tensor")
def _alloc_tensor(
    storage: Storage, offset: int, shape: Sequence[int], dtype: str, *rest: Any
) -> Array:
    return storage.tensor(int(offset), tuple(int(d) for d in shape), dtype)


@register_func("vm.builtin.alloc_tensor")
def _builtin_alloc_tensor(storage: Storage, offset: int, shape: Sequence[int], dtype: str) -> Array:
    return storage.tensor(int(offset), tuple(int(d) for d in shape), dtype)


@register_func("tvmscript.vm.view")
def _view(x: Array, shape: Any = None, dtype: Any = None, offset: Any = None) -> Array:
    flat = np.ascontiguousarray(x).reshape(-1).view(np.uint8)
    start = int(offset or 0)
    dt = numpy_dtype(str(dtype)) if isinstance(dtype, str) and dtype else x.dtype
    new_shape = tuple(int(d) for d in shape) if isinstance(shape, tuple) else x.shape
    size = _nbytes(new_shape, dt.name) if dt.name != "bfloat16" else 0
    return flat[start : start + size].view(dt).reshape(new_shape)


@register_func("tvmscript.vm.ensure_zero_offset")
def _ensure_zero_offset(x: Array) -> Array:
    if x.base is None:
        return x
    out = aligned_empty(x.nbytes).view(x.dtype).reshape(x.shape)
    out[...] = x
    return out


@register_func("tvmscript.vm.astype")
def _astype(x: Array, dtype: str) -> Array:
    return x.astype(numpy_dtype(dtype))


@register_func("tvmscript.vm.multinomial_from_uniform")
def _multinomial_from_uniform(prob: Array, uniform: Array, indices: Array, dtype: str) -> Array:
    cumulative = np.cumsum(prob.astype(np.float64), axis=-1)
    rows = indices.reshape(-1).astype(np.int64)
    samples = uniform.reshape(-1).astype(np.float64)
    out = np.empty((rows.size, 1), numpy_dtype(dtype))
    vocab = prob.shape[-1]
    for i, (row, u) in enumerate(zip(rows, samples, strict=True)):
        out[i, 0] = min(int(np.searchsorted(cumulative[row], u, side="right")), vocab - 1)
    return out
