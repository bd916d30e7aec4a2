"""Packed functions: Python functions that kernels call with ``T.call_packed("name", ...)``.

``@register_func("name")`` registers one. A kernel's call arrives at `_callback` (a ctypes
callback, so it holds the GIL while Python runs); arrays come as numpy views of the kernel's
memory, so a function writes its outputs in place. An exception raised by the function
fails the kernel call and is re-raised to its caller. TVM's ``tvm.contrib.sort`` functions
(``sort``, ``argsort``, ``topk``) are registered here.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Any, Final, TypeVar

import numpy as np

from tvmscript.codegen.llvm import packed as codes
from tvmscript.codegen.llvm.jit import register_symbol

F = TypeVar("F", bound=Callable[..., Any])
_REGISTRY: dict[str, Callable[..., Any]] = {}
_FAILURE: Final = threading.local()
_PROTO: Final = ctypes.CFUNCTYPE(
    ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p
)


def register_func(name: str, *, override: bool = False) -> Callable[[F], F]:
    """Register the decorated function as packed function ``name``; returns it unchanged."""

    def decorate(fn: F) -> F:
        if name in _REGISTRY and not override:
            raise ValueError(f"packed function {name!r} is already registered")
        _REGISTRY[name] = fn
        return fn

    return decorate


def get_func(name: str) -> Callable[..., Any] | None:
    """The packed function registered as ``name``, if any."""
    return _REGISTRY.get(name)


def take_failure() -> BaseException | None:
    """The exception of the last failed packed call on this thread (cleared)."""
    exc: BaseException | None = getattr(_FAILURE, "exc", None)
    _FAILURE.exc = None
    return exc


class _Array(ctypes.Structure):
    _fields_ = (
        ("data", ctypes.c_void_p),
        ("ndim", ctypes.c_int64),
        ("dtype", ctypes.c_char_p),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
        ("strides", ctypes.POINTER(ctypes.c_int64)),
        ("elem_offset", ctypes.c_int64),
    )


def _as_numpy(addr: int) -> np.ndarray[Any, Any]:
    desc = _Array.from_address(addr)
    dtype = np.dtype((desc.dtype or b"float32").decode())
    shape = tuple(desc.shape[i] for i in range(desc.ndim))
    if desc.strides:
        strides = tuple(desc.strides[i] * dtype.itemsize for i in range(desc.ndim))
    else:
        strides = None
    base = (desc.data or 0) + desc.elem_offset * dtype.itemsize
    count = 1
    for dim in shape:
        count *= dim
    if count == 0:
        return np.zeros(shape, dtype)
    if strides is None:
        buf = (ctypes.c_char * (count * dtype.itemsize)).from_address(base)
        return np.frombuffer(memoryview(buf).cast("B"), dtype=dtype, count=count).reshape(shape)
    extent = sum((d - 1) * s for d, s in zip(shape, strides, strict=True)) + dtype.itemsize
    raw = (ctypes.c_char * extent).from_address(base)
    flat = np.frombuffer(memoryview(raw).cast("B"), dtype=np.uint8)
    return np.lib.stride_tricks.as_strided(flat.view(dtype)[:1], shape, strides)


def _decode(nargs: int, slots: int, kinds: int) -> list[Any]:
    values = (ctypes.c_int64 * max(nargs, 1)).from_address(slots)
    types = (ctypes.c_int32 * max(nargs, 1)).from_address(kinds)
    args: list[Any] = []
    for i in range(nargs):
        code, raw = types[i], values[i]
        if code == codes.CODE_INT:
            args.append(int(raw))
        elif code == codes.CODE_FLOAT:
            args.append(ctypes.c_double.from_address(slots + 8 * i).value)
        elif code == codes.CODE_STR:
            args.append(ctypes.string_at(raw).decode())
        elif code == codes.CODE_ARRAY:
            args.append(_as_numpy(raw))
        else:
            args.append(raw)
    return args


def _callback(name: bytes, nargs: int, slots: int, kinds: int) -> int:
    try:
        fn = _REGISTRY.get(name.decode())
        if fn is None:
            raise RuntimeError(f"packed function {name.decode()!r} is not registered")
        fn(*_decode(nargs, slots, kinds))
    except BaseException as exc:  # handed back to the kernel's caller
        _FAILURE.exc = exc
        return codes.PACKED_FAILED
    return 0


_CALLBACK: Final = _PROTO(_callback)
_INSTALLED: list[bool] = []


def install() -> None:
    """Make ``__tvms_call_packed`` resolve to the Python callback (once)."""
    if _INSTALLED:
        return
    addr = ctypes.cast(_CALLBACK, ctypes.c_void_p).value
    assert addr is not None
    register_symbol(codes.CALLBACK, addr)
    _INSTALLED.append(True)


# -- TVM's sort functions ---------------------------------------------------------------------


def _order(data: np.ndarray[Any, Any], axis: int, ascend: object) -> np.ndarray[Any, Any]:
    key = data if ascend else -data.astype(np.float64)
    return np.argsort(key, axis=axis, kind="stable")


@register_func("tvm.contrib.sort.sort")
def _sort(data: np.ndarray[Any, Any], out: np.ndarray[Any, Any], axis: int, ascend: int) -> None:
    out[...] = np.take_along_axis(data, _order(data, axis, ascend), axis=axis)


@register_func("tvm.contrib.sort.argsort")
def _argsort(data: np.ndarray[Any, Any], out: np.ndarray[Any, Any], axis: int, ascend: int) -> None:
    out[...] = _order(data, axis, ascend)


@register_func("tvm.contrib.sort.topk")
def _topk(data: np.ndarray[Any, Any], *rest: Any) -> None:
    arrays = [a for a in rest if isinstance(a, np.ndarray)]
    k, axis, ret_type, ascend = rest[len(arrays) :]
    n = data.shape[axis]
    k = n if k < 1 else min(k, n)
    idx = np.take(_order(data, axis, ascend), np.arange(k), axis=axis)
    if ret_type == "both":
        arrays[0][...] = np.take_along_axis(data, idx, axis=axis)
        arrays[1][...] = idx
    elif ret_type == "values":
        arrays[0][...] = np.take_along_axis(data, idx, axis=axis)
    else:
        arrays[0][...] = idx
