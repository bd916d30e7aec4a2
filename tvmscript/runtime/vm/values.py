"""Run-time values of the VM besides numpy arrays: shapes, closures, storage blocks.

Tensors are numpy arrays, tuples are Python tuples, PrimValues Python scalars, strings `str`
and the null value ``None``.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any, Final

import numpy as np

from tvmscript.runtime.args import numpy_dtype_ok

Array = np.ndarray[Any, Any]


class ShapeTuple(tuple[int, ...]):
    """A Relax shape value (``R.Shape``): a tuple of ints, told apart from a Relax tuple."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"ShapeTuple({tuple(self)!r})"


class Closure:
    """A Relax function value with the values it captured (passed before its arguments)."""

    __slots__ = ("captured", "func")

    def __init__(self, func: Callable[..., Any], captured: tuple[Any, ...]) -> None:
        self.func = func
        self.captured = captured

    def __call__(self, *args: Any) -> Any:
        return self.func(*self.captured, *args)

    def __repr__(self) -> str:
        return f"<tvmscript closure of {self.func!r}>"


_NUMPY_DTYPES: Final[dict[str, np.dtype[Any]]] = {
    name: np.dtype(name)
    for name in (
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
    )
}


def numpy_dtype(dtype: str) -> np.dtype[Any]:
    """The numpy dtype of a Relax dtype (``bfloat16`` as its raw ``uint16`` bits)."""
    if (known := _NUMPY_DTYPES.get(dtype)) is not None:
        return known
    if dtype == "bfloat16":
        return np.dtype("uint16")
    raise ValueError(f"the VM has no numpy dtype for '{dtype}'")


def dtype_ok(arr: Array, dtype: str) -> bool:
    """Whether ``arr``'s elements are ``dtype``'s."""
    return numpy_dtype_ok(arr, dtype)


def _pointer_reader() -> Callable[[Array], int]:
    """The fastest correct way to read an array's data pointer on this numpy.

    numpy's ``PyArrayObject`` starts with the object header, then ``char *data``; reading it
    directly is ~8x faster than ``arr.ctypes.data``. Checked here, with the slow way as the
    fallback.
    """
    read = ctypes.c_void_p.from_address
    offset = object.__basicsize__  # the PyObject header

    def fast(arr: Array) -> int:
        return read(id(arr) + offset).value or 0

    def slow(arr: Array) -> int:
        return int(arr.ctypes.data)

    probes: list[Array] = [
        np.zeros(3, np.float32),
        np.arange(7)[2:],
        np.zeros((2, 3))[:, 1:],
        np.empty(0),
    ]
    if all(fast(p) == slow(p) for p in probes):
        return fast
    return slow


data_pointer: Final = _pointer_reader()
"""The address of an array's first element."""


def aligned_empty(nbytes: int, align: int = 64) -> Array:
    """A ``uint8`` array of ``nbytes`` whose data is ``align``-byte aligned."""
    raw = np.empty(nbytes + align, np.uint8)
    start = (-data_pointer(raw)) % align
    return raw[start : start + nbytes]


class Storage:
    """A block of memory tensors are placed in (``R.memory.alloc_storage``)."""

    __slots__ = ("data",)

    def __init__(self, nbytes: int) -> None:
        self.data = aligned_empty(nbytes)

    def tensor(self, offset: int, shape: tuple[int, ...], dtype: str) -> Array:
        """A tensor of ``shape`` and ``dtype`` at byte ``offset``."""
        dt = numpy_dtype(dtype)
        count = 1
        for d in shape:
            count *= d
        end = offset + count * dt.itemsize
        if offset < 0 or end > self.data.size:
            raise ValueError(
                f"a tensor of {count * dt.itemsize} bytes at offset {offset} does not fit "
                f"its storage of {self.data.size} bytes"
            )
        return self.data[offset:end].view(dt).reshape(shape)

    def __repr__(self) -> str:
        return f"<tvmscript storage of {self.data.size} bytes>"
