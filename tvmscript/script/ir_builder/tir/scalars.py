"""Scalar and register-fragment storage of TIRx: ``x = T.local_scalar("float32")``, ...

Each allocates a one-element buffer (TVM 0.27's scalar layout) and returns a `scalar_wrapper`
of it: the name it is bound to reads as the element and an assignment stores into it, so
``flag = 1`` after ``flag = T.shared_scalar("int32")`` is a store, as in TVM.
"""

from __future__ import annotations

from typing import Any

from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import BufferLoad, PrimExpr, Var
from tvmscript.core.tir.stmt import AllocBuffer, DeclBuffer
from tvmscript.script.ir_builder.tir.buffers import alloc_buffer, make_buffer
from tvmscript.script.ir_builder.tir.frames import add_stmt


class scalar_wrapper:
    """A scalar's storage, as the allocating functions return it (``.scalar`` is its load)."""

    __slots__ = ("buffer",)

    def __init__(self, scalar: BufferLoad | Buffer) -> None:
        self.buffer = scalar.buffer if isinstance(scalar, BufferLoad) else scalar

    @property
    def scalar(self) -> BufferLoad:
        """The element, as an expression."""
        return self.buffer.scalar_value()

    def __repr__(self) -> str:
        return f"scalar_wrapper({self.buffer.name!r})"


def _dtype(dtype: Any) -> str:
    if isinstance(dtype, str):
        return dtype
    if isinstance(name := getattr(dtype, "dtype", None), str):
        return name
    raise TypeError(f"expected a dtype such as 'float32' or T.float32, got {dtype!r}")


def alloc_scalar(dtype: str = "float32", scope: str = "global") -> scalar_wrapper:
    """A fresh scalar in ``scope`` (a one-element buffer read and written by its name)."""
    buf = make_buffer((1,), _dtype(dtype), scope=scope, layout="default")
    add_stmt(AllocBuffer(buf, {}, span=buf.span))
    return scalar_wrapper(buf)


def local_scalar(dtype: str = "float32") -> scalar_wrapper:
    """A per-thread scalar (``local`` scope)."""
    return alloc_scalar(dtype, "local")


def shared_scalar(dtype: str = "float32") -> scalar_wrapper:
    """A scalar shared by the thread block (``shared`` scope)."""
    return alloc_scalar(dtype, "shared")


def decl_scalar(
    dtype: str,
    data: Var,
    scope: str,
    elem_offset: PrimExpr | int | None = None,
    byte_offset: PrimExpr | int | None = None,
) -> scalar_wrapper:
    """A scalar over existing memory: element ``elem_offset`` of ``data``."""
    buf = make_buffer(
        (1,), _dtype(dtype), data, None, elem_offset, scope,
        byte_offset=byte_offset, layout="default",
    )  # fmt: skip
    add_stmt(DeclBuffer(buf, span=buf.span))
    return scalar_wrapper(buf)


def wg_reg_tile(elem_per_thread: int, dtype: str = "float32") -> Buffer:
    """A warpgroup's ``(128, elem_per_thread)`` register tile (one row per thread)."""
    from tvmscript.core.tir import arith
    from tvmscript.core.tir.layout import Axis, Iter, TileLayout

    rows = Iter(arith.as_expr(128), arith.as_expr(1), Axis.get("tid_in_wg"))
    cols = Iter(arith.as_expr(elem_per_thread), arith.as_expr(1), Axis.get("m"))
    layout = TileLayout((rows, cols))
    return alloc_buffer((128, elem_per_thread), dtype, scope="local", layout=layout)


def _int(value: Any) -> int:
    if isinstance(value, int):
        return value
    if isinstance(inner := getattr(value, "value", None), int):
        return inner
    raise TypeError(f"expected a constant extent, got {value!r}")


def alloc_cast_frag(src: Buffer, dtype: str) -> Buffer:
    """A fresh register fragment shaped and laid out as ``src``, of another ``dtype``."""
    from tvmscript.script.ir_builder.tir.buffers import alloc_local, view

    rows, cols = (_int(d) for d in src.shape)
    flat = alloc_local(((rows * cols) // 128,), dtype)
    layout = src.layout if not isinstance(src.layout, str) and src.layout is not None else None
    return view(flat, rows, cols, layout=layout)


def alloc_tcgen05_ldst_frag(instr_shape: str, tensor_shape: Any, dtype: str) -> Buffer:
    """The registers of a warpgroup's ``tcgen05.ld``/``st`` of ``tensor_shape`` (``32x32b``)."""
    from tvmscript.core.tir import arith
    from tvmscript.core.tir.layout import Axis, Iter, TileLayout
    from tvmscript.script.ir_builder.tir.buffers import alloc_local, view

    rows, cols = (_int(d) for d in tensor_shape)
    if instr_shape != "32x32b" or rows != 128:
        raise ValueError(
            f"tvmscript models the tcgen05 '32x32b' fragment of 128 rows only, got "
            f"{instr_shape!r} of {rows} rows"
        )
    flat = alloc_local((cols,), dtype)
    layout = TileLayout(
        (
            Iter(arith.as_expr(rows), arith.as_expr(1), Axis.get("tid_in_wg")),
            Iter(arith.as_expr(cols), arith.as_expr(1), Axis.get("m")),
        )
    )
    return view(flat, rows, cols, layout=layout)


__all__ = [
    "alloc_cast_frag",
    "alloc_scalar",
    "alloc_tcgen05_ldst_frag",
    "decl_scalar",
    "local_scalar",
    "scalar_wrapper",
    "shared_scalar",
    "wg_reg_tile",
]
