"""Buffer flattening (TVM's FlattenBuffer): every access becomes one index into flat memory.

``A[i, j]`` on a ``(n, m)`` buffer reads ``A_1[i * m + j]`` of the view ``A_1 = A.view(n * m)``
(same memory, one dimension); explicit ``strides`` and ``elem_offset`` enter the index. A
parameter's view is declared at the top of the body, as TVM prints it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import StmtMutator


def flatten_buffers(func: PrimFunc) -> PrimFunc:
    """``func`` with every buffer access one-dimensional."""
    mutator = _Flatten()
    body = mutator.stmt(func.body)
    decls: list[S.Stmt] = []
    for buf in func.buffer_map.values():
        flat = mutator.flat.get(buf)
        if flat is not None and flat[0] is not buf and flat[0] in mutator.used:
            decls.append(S.DeclBuffer(flat[0]))
    if decls:
        body = S.seq([*decls, *(body.seq if isinstance(body, S.SeqStmt) else (body,))])
    return PrimFunc(
        func.params, body, func.buffer_map, func.ret_type, func.attrs, func.private, span=func.span
    )


def compact_strides(shape: Sequence[E.PrimExpr]) -> list[E.PrimExpr]:
    """Row-major element strides of ``shape``."""
    strides: list[E.PrimExpr] = []
    acc: E.PrimExpr = arith.make_const(shape[-1].dtype if shape else "int32", 1)
    for dim in reversed(shape):
        strides.append(acc)
        acc = arith.mul(acc, dim)
    return strides[::-1]


def is_flat(buf: Buffer) -> bool:
    """Whether accesses to ``buf`` are already one flat index."""
    if len(buf.shape) != 1 or buf.elem_offset is not None or buf.axis_separators:
        return False
    return not buf.strides or (isinstance(buf.strides[0], E.IntImm) and buf.strides[0].value == 1)


class _Flatten(StmtMutator):
    def __init__(self) -> None:
        super().__init__()
        self.flat: dict[Buffer, tuple[Buffer, list[E.PrimExpr], E.PrimExpr | None]] = {}
        self.used: set[Buffer] = set()
        self.allocated: set[Buffer] = set()  # allocations keep their name (TVM's print)

    def flatten(self, buf: Buffer) -> tuple[Buffer, list[E.PrimExpr], E.PrimExpr | None]:
        if (known := self.flat.get(buf)) is not None:
            return known
        if is_flat(buf):
            entry: tuple[Buffer, list[E.PrimExpr], E.PrimExpr | None] = (
                buf,
                [arith.make_const(buf.shape[0].dtype, 1)],
                None,
            )
        else:
            if buf.axis_separators:
                raise ValueError(f"buffer '{buf.name}' has axis separators: not supported on CPU")
            strides = list(buf.strides) if buf.strides else compact_strides(buf.shape)
            size: E.PrimExpr = arith.const(1)
            for dim in buf.shape:
                size = arith.mul(size, dim)
            if buf.strides:  # the memory spans the largest stride times its extent
                size = arith.const(1)
                for dim, stride in zip(buf.shape, strides, strict=True):
                    size = arith.add(size, arith.mul(arith.sub(dim, 1), stride))
            view = Buffer(
                buf.data,
                buf.dtype,
                (size,),
                (),
                None,
                buf.name if buf in self.allocated else f"{buf.name}_1",
                buf.data_alignment,
                buf.offset_factor,
            )
            entry = (view, strides, buf.elem_offset)
        self.flat[buf] = entry
        return entry

    def index(self, buf: Buffer, indices: Sequence[E.PrimExpr]) -> tuple[Buffer, E.PrimExpr]:
        view, strides, offset = self.flatten(buf)
        self.used.add(view)
        if view is buf:
            return buf, indices[0]
        flat: E.PrimExpr | None = offset
        for idx, stride in zip(indices, strides, strict=True):
            term = arith.mul(idx, stride) if idx.dtype == stride.dtype else _mul(idx, stride)
            flat = term if flat is None else arith.add(flat, term)
        if flat is None:
            flat = arith.const(0)
        return view, flat

    def visit_buffer_load(self, e: E.BufferLoad) -> E.PrimExpr:
        new = super().visit_buffer_load(e)
        assert isinstance(new, E.BufferLoad)
        view, idx = self.index(new.buffer, new.indices)
        if view is new.buffer and len(new.indices) == 1:
            return new
        return E.BufferLoad(view, (idx,), new.predicate, new.dtype)

    def visit_buffer_store(self, s: S.BufferStore) -> S.Stmt:
        new = super().visit_buffer_store(s)
        assert isinstance(new, S.BufferStore)
        view, idx = self.index(new.buffer, new.indices)
        if view is new.buffer and len(new.indices) == 1:
            return new
        return S.BufferStore(view, new.value, (idx,), new.predicate)

    def visit_alloc_buffer(self, s: S.AllocBuffer) -> S.Stmt:
        self.allocated.add(s.buffer)
        view, _, _ = self.flatten(s.buffer)
        return s if view is s.buffer else S.AllocBuffer(view, s.annotations)

    def visit_decl_buffer(self, s: S.DeclBuffer) -> S.Stmt:
        view, _, _ = self.flatten(s.buffer)
        return s if view is s.buffer else S.DeclBuffer(view)


def _mul(idx: E.PrimExpr, stride: E.PrimExpr) -> E.PrimExpr:
    """``idx * stride`` with the narrower index widened (int64 strides of int32 indices)."""
    return arith.mul(idx, stride)
