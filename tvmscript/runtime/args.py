"""Argument checking: every numpy array and scalar is checked before native code sees it.

A wrong argument is a `ValueError` naming the parameter: count, type, dtype, rank, shape
(symbolic dimensions bound consistently across buffers), contiguity, alignment, writability of
outputs and, for kernels that assume it (``tirx.noalias``), that outputs overlap no other
argument. Native code is only called with arguments it was generated for.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from tvmscript.codegen.llvm.module import KernelSignature, Param
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E

_NUMPY: Final[dict[str, str]] = {
    "bool": "bool",
    "int8": "int8",
    "int16": "int16",
    "int32": "int32",
    "int64": "int64",
    "uint8": "uint8",
    "uint16": "uint16",
    "uint32": "uint32",
    "uint64": "uint64",
    "float16": "float16",
    "float32": "float32",
    "float64": "float64",
}
_CTYPES: Final[dict[str, Any]] = {
    "ptr": ctypes.c_void_p,
    "i8": ctypes.c_int8,
    "i16": ctypes.c_int16,
    "i32": ctypes.c_int32,
    "i64": ctypes.c_int64,
    "float": ctypes.c_float,
    "double": ctypes.c_double,
}


def ctypes_signature(sig: KernelSignature) -> list[Any]:
    """The ctypes argument types of ``sig``'s native entry."""
    return [_CTYPES[t] for t in sig.llvm_arg_types()]


def numpy_dtype_ok(arr: np.ndarray[Any, Any], dtype: str) -> bool:
    """Whether ``arr``'s element type is ``dtype`` (bfloat16: ml_dtypes' or raw uint16 bits)."""
    name = str(arr.dtype.name)
    if dtype == "bfloat16":
        return name in ("bfloat16", "uint16")
    return name == _NUMPY.get(dtype, dtype)


@dataclass(frozen=True)
class _BufferPlan:
    index: int
    param: Param
    dims: tuple[E.PrimExpr, ...]
    strides: tuple[E.PrimExpr, ...]
    written: bool
    itemsize: int


class ArgChecker:
    """Checks a call's arguments against a kernel's signature and converts them for ctypes."""

    def __init__(self, sig: KernelSignature) -> None:
        self.sig = sig
        self.names = tuple(p.name for p in sig.params)
        self.buffers = [
            _BufferPlan(
                i,
                p,
                tuple(p.buffer.shape),
                tuple(p.buffer.strides),
                p.buffer.data in sig.written,
                DataType.of(p.dtype).bytes,
            )
            for i, p in enumerate(sig.params)
            if p.buffer is not None
        ]

    def where(self, name: str) -> str:
        return f"argument '{name}' of '{self.sig.name}'"

    def convert(self, args: Sequence[object]) -> list[object]:
        """The native arguments for ``args``; raises `ValueError` naming a wrong one."""
        sig = self.sig
        if len(args) != len(sig.params):
            listed = ", ".join(self.names)
            raise ValueError(
                f"'{sig.name}' takes {len(sig.params)} argument{'s' * (len(sig.params) != 1)} "
                f"({listed}), got {len(args)}"
            )
        bound: dict[E.Var, tuple[int, str]] = {}
        out: list[object] = [None] * len(sig.params)
        for plan in self.buffers:
            out[plan.index] = self.buffer(plan, args[plan.index], bound)
        for i, p in enumerate(sig.params):
            if p.buffer is None:
                out[i] = self.scalar(p, args[i], bound)
        if sig.noalias:
            self.check_overlap(args)
        dims: list[object] = []
        for d in sig.dims:
            if d.var not in bound:
                raise ValueError(
                    f"'{sig.name}': cannot tell the value of '{d.name}' from the arguments"
                )
            dims.append(bound[d.var][0])
        return out + dims

    def buffer(self, plan: _BufferPlan, arr: object, bound: dict[E.Var, tuple[int, str]]) -> int:
        p = plan.param
        where = self.where(p.name)
        if not isinstance(arr, np.ndarray):
            raise ValueError(f"{where} must be a numpy.ndarray, got {type(arr).__name__}")
        shape = _checked_shape(arr, p.dtype, where)
        if len(shape) != len(plan.dims):
            raise ValueError(
                f"{where} must have {len(plan.dims)} dimension{'s' * (len(plan.dims) != 1)}, "
                f"got {len(shape)} (shape {shape})"
            )
        for axis, (dim, actual) in enumerate(zip(plan.dims, shape, strict=True)):
            self.match(dim, actual, f"dimension {axis} of '{p.name}'", where, shape, bound)
        if plan.strides:
            for axis, (stride, actual) in enumerate(zip(plan.strides, arr.strides, strict=True)):
                if actual % plan.itemsize:
                    raise ValueError(f"{where} has a stride that is not a whole number of elements")
                self.match(
                    stride,
                    actual // plan.itemsize,
                    f"stride {axis} of '{p.name}'",
                    where,
                    shape,
                    bound,
                )
        elif not arr.flags.c_contiguous:
            raise ValueError(
                f"{where} must be C-contiguous (row-major without gaps); "
                "pass numpy.ascontiguousarray(...) instead"
            )
        offset = p.buffer.elem_offset if p.buffer is not None else None
        if isinstance(offset, E.Var):  # the array's first element is the buffer's
            self.match(offset, 0, f"elem_offset of '{p.name}'", where, shape, bound)
        if not arr.flags.aligned:
            raise ValueError(f"{where} is not aligned to its {plan.itemsize}-byte elements")
        if plan.written and not arr.flags.writeable:
            raise ValueError(f"{where} is written by the kernel, but the array is read-only")
        return int(arr.ctypes.data)

    def match(
        self,
        expected: E.PrimExpr,
        actual: int,
        what: str,
        where: str,
        shape: tuple[int, ...],
        bound: dict[E.Var, tuple[int, str]],
    ) -> None:
        if isinstance(expected, E.IntImm):
            if expected.value != actual:
                raise ValueError(
                    f"{where} has shape {shape}: {what} must be {expected.value}, got {actual}"
                )
            return
        if isinstance(expected, E.Var):
            if (prev := bound.get(expected)) is not None:
                if prev[0] != actual:
                    raise ValueError(
                        f"{where}: {what} is {actual}, but '{expected.name}' is {prev[0]} "
                        f"from {prev[1]}"
                    )
                return
            lo, hi = _range(expected.dtype)
            if not lo <= actual <= hi:
                raise ValueError(
                    f"{where}: {what} = {actual} does not fit '{expected.name}' ({expected.dtype})"
                )
            bound[expected] = (actual, what)
            return
        value = _evaluate(expected, bound)
        if value is None:
            raise ValueError(f"{where}: cannot check {what} against '{expected}'")
        if value != actual:
            raise ValueError(f"{where} has shape {shape}: {what} must be {value}, got {actual}")

    def scalar(self, p: Param, value: object, bound: dict[E.Var, tuple[int, str]]) -> object:
        where = self.where(p.name)
        t = DataType.of(p.dtype)
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value.item()
        if isinstance(value, np.generic):
            value = value.item()
        if t.is_handle:
            raise ValueError(f"{where} is an opaque handle: it cannot be passed from Python")
        if t.is_bool:
            if not isinstance(value, bool | int) or value not in (0, 1):
                raise ValueError(f"{where} must be a bool, got {value!r}")
            result: object = int(value)
        elif t.is_float:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError(
                    f"{where} must be a number ({p.dtype}), got {type(value).__name__}"
                )
            result = float(value)
        else:
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{where} must be an int ({p.dtype}), got {type(value).__name__}")
            lo, hi = _range(p.dtype)
            if not lo <= value <= hi:
                raise ValueError(f"{where} = {value} is out of range for {p.dtype}")
            result = value - (1 << t.bits) if t.is_uint and value >= 1 << (t.bits - 1) else value
        if p.var in {d.var for d in self.sig.dims}:
            prev = bound.get(p.var)
            if prev is not None and prev[0] != value:
                raise ValueError(
                    f"{where} is {value}, but the arguments' shapes say {prev[0]} ({prev[1]})"
                )
        return result

    def check_overlap(self, args: Sequence[object]) -> None:
        arrays = [(plan, args[plan.index]) for plan in self.buffers]
        for i, (pa, a) in enumerate(arrays):
            for pb, b in arrays[i + 1 :]:
                if not (pa.written or pb.written):
                    continue
                assert isinstance(a, np.ndarray)
                assert isinstance(b, np.ndarray)
                if a.size and b.size and np.may_share_memory(a, b):
                    raise ValueError(
                        f"arguments '{pa.param.name}' and '{pb.param.name}' of '{self.sig.name}' "
                        "overlap in memory, but the kernel assumes they do not (tirx.noalias)"
                    )


def _checked_shape(arr: np.ndarray[Any, Any], dtype: str, where: str) -> tuple[int, ...]:
    """The buffer shape ``arr`` stands for, after checking its element type."""
    lanes = DataType.of(dtype).lanes
    if lanes == 1:
        if not numpy_dtype_ok(arr, dtype):
            raise ValueError(f"{where} must have dtype {dtype}, got {arr.dtype}")
        return tuple(arr.shape)
    # A buffer of vectors: an array of the lane type with one more axis of `lanes` elements.
    elem = DataType.of(dtype).element()
    if not numpy_dtype_ok(arr, elem) or arr.ndim < 1 or arr.shape[-1] != lanes:
        raise ValueError(
            f"{where} must be a {elem} array whose last axis has {lanes} elements "
            f"(a {dtype} buffer), got {arr.dtype} {arr.shape}"
        )
    if not arr.flags.c_contiguous:
        raise ValueError(f"{where} must be C-contiguous")
    return tuple(arr.shape[:-1])


def _range(dtype: str) -> tuple[int, int]:
    t = DataType.of(dtype)
    if t.is_uint:
        return 0, (1 << t.bits) - 1
    return -(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1


def _evaluate(e: E.PrimExpr, bound: dict[E.Var, tuple[int, str]]) -> int | None:
    """``e``'s value under ``bound`` (None when a variable is unknown or the form unhandled)."""
    if isinstance(e, E.IntImm):
        return e.value
    if isinstance(e, E.Var):
        return bound[e][0] if e in bound else None
    if isinstance(e, E.Cast):
        return _evaluate(e.value, bound)
    if isinstance(e, E.BinaryOp):
        a, b = _evaluate(e.a, bound), _evaluate(e.b, bound)
        if a is None or b is None:
            return None
        ops: dict[type, Callable[[], int | None]] = {
            E.Add: lambda: a + b,
            E.Sub: lambda: a - b,
            E.Mul: lambda: a * b,
            E.FloorDiv: lambda: a // b if b else None,
            E.FloorMod: lambda: a % b if b else None,
            E.Min: lambda: min(a, b),
            E.Max: lambda: max(a, b),
        }
        fn = ops.get(type(e))
        return fn() if fn is not None else None
    return None
