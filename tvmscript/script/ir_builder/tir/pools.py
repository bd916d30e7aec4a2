"""``T.SMEMPool`` and ``T.TMEMPool``: bump allocators over dynamic shared and tensor memory.

``pool = T.SMEMPool()`` allocates one ``shared.dyn`` byte buffer; ``pool.alloc(shape, dtype,
align=16)`` declares a buffer at the next (aligned) offset of it; ``pool.commit()`` records
the bytes used (``T.attr({"tirx.dyn_smem_bytes": ...})``). A `TMEMPool` hands out tensor
memory columns and emits the tcgen05 allocation (``commit``) and release (``dealloc``) by one
warp. The IR is what TVM 0.27's pools build.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Sequence
from typing import Any

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.expr import IntImm
from tvmscript.core.tir.layout import Axis, Iter, TileLayout
from tvmscript.core.tir.stmt import AttrStmt, Evaluate
from tvmscript.script.ir_builder.tir.buffers import alloc_buffer, decl_buffer
from tvmscript.script.ir_builder.tir.control import If, Then
from tvmscript.script.ir_builder.tir.frames import add_stmt
from tvmscript.script.ir_builder.tir.meta import meta_class

_UNSET: Any = object()


@meta_class
class SMEMPool:
    """Bump allocator over a region of dynamic shared memory (one ``shared.dyn`` buffer)."""

    def __init__(self, ptr: Any = _UNSET) -> None:
        if ptr is _UNSET:
            self.buf: Buffer | None = alloc_buffer([0], "uint8", scope="shared.dyn")
            self.ptr = self.buf.data
        else:  # the caller owns the storage: `commit` records nothing
            self.buf = None
            self.ptr = ptr
        self.offset = 0
        self.max_offset = 0

    def alloc(
        self,
        shape: Sequence[Any],
        dtype: str = "float32",
        strides: Sequence[Any] | None = None,
        scope: str = "shared.dyn",
        align: int = 0,
        layout: Any = "default",
    ) -> Buffer:
        """A buffer at the pool's next offset (rounded up to ``align`` bytes)."""
        if align > 0:
            self.offset = (self.offset + align - 1) // align * align
        buf = decl_buffer(
            shape, dtype, self.ptr, strides, None, self.offset, scope, align, 0, layout
        )
        self.offset += (
            math.prod(int(getattr(d, "value", d)) for d in shape) * _bits(dtype) + 7
        ) // 8
        if self.buf is not None:
            self.max_offset = max(self.max_offset, self.offset)
        return buf

    def move_base_to(self, offset: int) -> None:
        """Continue allocating at byte ``offset`` (regions may be reused)."""
        self.offset = offset
        if self.buf is not None:
            self.max_offset = max(self.max_offset, self.offset)

    def commit(self, size: int | None = None) -> None:
        """Record the bytes the pool uses (``size``, by default its high-water mark)."""
        if self.buf is None:
            return
        resolved = self.max_offset if size is None else size
        if resolved < self.max_offset:
            raise ValueError(
                f"the shared memory size {resolved} is below the pool's high-water mark "
                f"{self.max_offset}"
            )
        body = Evaluate(IntImm("int32", 0))
        add_stmt(
            AttrStmt(IntImm("int32", 0), "tirx.dyn_smem_bytes", IntImm("int64", resolved), body)
        )


def _bits(dtype: str) -> int:
    return DataType.of(dtype).bits * DataType.of(dtype).lanes


def _tmem_layout(rows: Any, cols: Any) -> TileLayout:
    from tvmscript.core.tir import arith

    one = IntImm("int32", 1)
    return TileLayout(
        (
            Iter(arith.as_expr(rows), one, Axis.get("TLane")),
            Iter(arith.as_expr(cols), one, Axis.get("TCol")),
        )
    )


@meta_class
class TMEMPool:
    """Bump allocator over tensor-memory columns (Blackwell ``tcgen05``)."""

    def __init__(
        self,
        pool: SMEMPool,
        total_cols: int = 512,
        *,
        cta_group: int = 1,
        alloc_warp: int = 0,
        dealloc_warp: int | None = None,
        tmem_addr: Any = None,
        sync_after_alloc: bool = True,
    ) -> None:
        self.pool = pool
        self.total_cols = total_cols
        self.cta_group = cta_group
        self.alloc_warp = alloc_warp
        self.dealloc_warp = alloc_warp if dealloc_warp is None else dealloc_warp
        self.sync_after_alloc = sync_after_alloc
        self.offset = 0
        self.max_offset = 0
        self._committed = False
        self._deallocated = False
        self._addr_buf = pool.alloc([1], "uint32", align=4) if tmem_addr is None else tmem_addr

    @property
    def addr(self) -> Any:
        """The shared-memory word holding the allocated tensor-memory address."""
        buf = self._addr_buf
        return buf[0] if isinstance(buf, Buffer) else buf

    def alloc(
        self, shape: Sequence[Any], dtype: str = "float32", *, layout: Any = None,
        cols: int | None = None,
    ) -> Buffer:  # fmt: skip
        """A tensor-memory buffer at the next free columns."""
        if cols is None:
            if len(shape) != 2:
                raise ValueError("TMEMPool.alloc() needs cols= for a buffer that is not 2-D")
            rows, width = (int(getattr(d, "value", d)) for d in shape)
            cols = rows * width * _bits(dtype) // (32 * rows)
        start = self.offset
        if start + cols > self.total_cols:
            raise ValueError(f"tensor memory overflow: {start + cols} > {self.total_cols}")
        if layout is None:
            if len(shape) != 2:
                raise ValueError("TMEMPool.alloc() needs layout= for a buffer that is not 2-D")
            layout = _tmem_layout(shape[0], shape[1])
        buf = decl_buffer(shape, dtype, scope="tmem", layout=layout, allocated_addr=start)
        self.offset = start + cols
        self.max_offset = max(self.max_offset, self.offset)
        return buf

    def move_base_to(self, col: int) -> None:
        """Continue allocating at column ``col``."""
        self.offset = col
        self.max_offset = max(self.max_offset, self.offset)

    def _on_warp(self, warp: int, emit: Callable[[], None]) -> None:
        from tvmscript.script.ir_builder.tir.device import warp_id

        wid = warp_id()
        with If(wid == warp), Then():
            emit()

    def commit(self) -> None:
        """Allocate the pool's columns (``tcgen05.alloc`` by one warp)."""
        from tvmscript.script.ir_builder.tir.cuda import cuda
        from tvmscript.script.ir_builder.tir.intrin import address_of
        from tvmscript.script.ir_builder.tir.ptx import ptx

        if self._committed:
            raise ValueError("TMEMPool.commit() can only be called once")
        group = self.cta_group

        def emit() -> None:
            instr = ptx[f"tcgen05.alloc.cta_group::{group}.sync.aligned.shared::cta.b32"]
            add_stmt(Evaluate(instr(address_of(self.addr), IntImm("uint32", self.total_cols))))
            if self.sync_after_alloc:
                add_stmt(Evaluate(cuda.warp_sync()))

        self._on_warp(self.alloc_warp, emit)
        self._committed = True

    def dealloc(self) -> None:
        """Release the pool's columns (``tcgen05.dealloc`` by one warp)."""
        from tvmscript.script.ir_builder.tir.ptx import ptx

        if not self._committed or self._deallocated:
            raise ValueError("TMEMPool.dealloc() comes once, after commit()")
        self._deallocated = True
        group = self.cta_group

        def emit() -> None:
            relinquish = ptx[f"tcgen05.relinquish_alloc_permit.cta_group::{group}.sync.aligned"]
            add_stmt(Evaluate(relinquish()))
            release = ptx[f"tcgen05.dealloc.cta_group::{group}.sync.aligned.b32"]
            add_stmt(Evaluate(release(self.addr, IntImm("uint32", self.total_cols))))

        self._on_warp(self.dealloc_warp, emit)


# TVM's meta-class wrapper shows both constructors as ``(*args, **kwargs)``.
_ANY_ARGS = inspect.Signature(
    [
        inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL),
        inspect.Parameter("kwargs", inspect.Parameter.VAR_KEYWORD),
    ]
)
SMEMPool.__signature__ = _ANY_ARGS  # type: ignore[attr-defined]
TMEMPool.__signature__ = _ANY_ARGS  # type: ignore[attr-defined]

__all__ = ["SMEMPool", "TMEMPool"]
