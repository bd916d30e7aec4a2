"""Schedulable blocks to plain loops (TVM's LowerInitBlock, LowerMatchBuffer, LowerOpaqueBlock).

Also TVM's PlanAndUpdateBufferAllocationLocation and CompactBufferAllocation, in one rewrite:

* a block's axes are replaced by their bindings; ``T.where`` becomes an ``if``;
* ``T.init()`` runs under ``if`` every reduction axis is at its first value;
* a block's buffers (``T.sblock_alloc_buffer``) are allocated at the lowest loop that holds
  all their accesses, except that a buffer written by a reduction stays above the loops the
  reduction runs over (TVM's rule);
* ``T.match_buffer`` regions become buffer declarations over the source's memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer, MatchBufferRegion
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.compact import compact_buffers
from tvmscript.core.tir.transform.functor import StmtMutator, Substituter, children, walk

Path = tuple[S.For, ...]


def lower_sblocks(func: PrimFunc) -> PrimFunc:
    """``func`` without `SBlock`s: loops, ``if``s, allocations and declarations only."""
    if not _has_blocks(func.body):
        return func
    scopes = _AccessScopes()
    scopes.stmt(func.body, ())
    placement = {buf: scopes.placement(buf) for buf in scopes.allocated}
    body = _BlockLowering(placement).stmt(func.body)
    body = compact_buffers(body, placement)
    return _replace_body(func, body)


def _replace_body(func: PrimFunc, body: S.Stmt) -> PrimFunc:
    return PrimFunc(
        func.params,
        body,
        func.buffer_map,
        func.ret_type,
        func.attrs,
        func.private,
        span=func.span,
    )


def _has_blocks(s: S.Stmt) -> bool:
    found = False

    def check(n: object) -> None:
        nonlocal found
        if isinstance(n, S.SBlock):
            found = True

    walk(s, check)
    return found


@dataclass
class _Alloc:
    """Where a block buffer is allocated and where it is used."""

    block_path: Path
    lca: Path | None = None


class _AccessScopes:
    """For each block buffer, the loop path of the lowest common ancestor of its accesses."""

    def __init__(self) -> None:
        self.allocated: dict[Buffer, _Alloc] = {}
        self.data_vars: dict[E.Var, Buffer] = {}

    def placement(self, buf: Buffer) -> S.For | None:
        """The loop whose body gets ``buf``'s allocation (None: the allocating block)."""
        info = self.allocated[buf]
        lca = info.lca if info.lca is not None else info.block_path
        if len(lca) <= len(info.block_path):
            return None
        return lca[-1]

    def access(self, buf: Buffer, path: Path) -> None:
        if (info := self.allocated.get(buf)) is None:
            return
        if info.lca is None:
            info.lca = path
            return
        n = 0
        for a, b in zip(info.lca, path, strict=False):
            if a is not b:
                break
            n += 1
        info.lca = info.lca[:n]

    def expr(self, e: object, path: Path) -> None:
        def check(n: object) -> None:
            if isinstance(n, E.BufferLoad):
                self.access(n.buffer, path)
            elif isinstance(n, E.Var) and (buf := self.data_vars.get(n)) is not None:
                self.access(buf, path)

        walk(e, check)

    def stmt(self, s: S.Stmt, path: Path, write_path: Path | None = None) -> None:
        """Record the accesses in ``s`` (``write_path``: where stores count, in a reduction)."""
        if isinstance(s, S.For):
            self.expr(s.min, path)
            self.expr(s.extent, path)
            inner = (*path, s)
            self.stmt(s.body, inner, None if write_path is None else write_path)
            return
        if isinstance(s, S.SBlockRealize):
            self.block(s, path, write_path)
            return
        if isinstance(s, S.BufferStore):
            self.access(s.buffer, path if write_path is None else write_path)
            self.expr(s.value, path)
            for i in s.indices:
                self.expr(i, path)
            return
        for child in children(s):
            if isinstance(child, S.Stmt):
                self.stmt(child, path, write_path)
            elif isinstance(child, E.PrimExpr):
                self.expr(child, path)

    def block(self, s: S.SBlockRealize, path: Path, write_path: Path | None) -> None:
        for v in s.iter_values:
            self.expr(v, path)
        self.expr(s.predicate, path)
        block = s.block
        for buf in block.alloc_buffers:
            self.allocated[buf] = _Alloc(path)
            self.data_vars[buf.data] = buf
        for m in block.match_buffers:
            self.access(m.source.buffer, path)
        reduce_vars: set[E.Var] = set()
        for iv, value in zip(block.iter_vars, s.iter_values, strict=True):
            if iv.iter_type != E.IterType.DATA_PAR:
                walk(value, lambda n: reduce_vars.add(n) if isinstance(n, E.Var) else None)
        if reduce_vars:
            for depth, loop in enumerate(path):
                if loop.loop_var in reduce_vars:
                    cut = path[:depth]
                    if write_path is None or len(cut) < len(write_path):
                        write_path = cut
                    break
        if block.init is not None:
            self.stmt(block.init, path, write_path)
        self.stmt(block.body, path, write_path)


class _BlockLowering(StmtMutator):
    def __init__(self, placement: dict[Buffer, S.For | None]) -> None:
        super().__init__()
        self.at_loop: dict[S.For, list[Buffer]] = {}
        self.at_block: set[Buffer] = set()
        for buf, loop in placement.items():
            if loop is None:
                self.at_block.add(buf)
            else:
                self.at_loop.setdefault(loop, []).append(buf)

    def visit_for(self, s: S.For) -> S.Stmt:
        new = super().visit_for(s)
        bufs = self.at_loop.get(s)
        if not bufs:
            return new
        assert isinstance(new, S.For)
        body = S.seq([*(S.AllocBuffer(b) for b in bufs), new.body])
        return S.For(
            new.loop_var, new.min, new.extent, new.kind, body, new.thread_binding, new.annotations
        )

    def visit_sblock_realize(self, s: S.SBlockRealize) -> S.Stmt:
        block = s.block
        body = self.stmt(block.body)
        stmts: list[S.Stmt] = [S.AllocBuffer(b) for b in block.alloc_buffers if b in self.at_block]
        vmap: dict[E.Var, E.PrimExpr] = {}
        bmap: dict[Buffer, Buffer] = {}
        for m in block.match_buffers:
            stmts.append(_match_buffer(m, vmap, bmap))
        if block.init is not None:
            stmts.append(_init_guard(block.iter_vars, self.stmt(block.init)))
        stmts.append(body)
        for iv, value in zip(block.iter_vars, s.iter_values, strict=True):
            vmap[iv.var] = value
        lowered = S.seq(_flatten(stmts))
        if vmap or bmap:
            lowered = Substituter(vmap, bmap).stmt(lowered)
        pred = s.predicate
        if isinstance(pred, E.IntImm) and pred.value:
            return lowered
        return S.IfThenElse(Substituter(vmap).expr(pred) if vmap else pred, lowered)

    def visit_sblock(self, s: S.SBlock) -> S.Stmt:  # a block outside a realize: its body
        return self.stmt(s.body)


def _flatten(stmts: Sequence[S.Stmt]) -> list[S.Stmt]:
    out: list[S.Stmt] = []
    for s in stmts:
        if isinstance(s, S.SeqStmt):
            out.extend(_flatten(s.seq))
        else:
            out.append(s)
    return out


def _init_guard(iter_vars: Sequence[E.IterVar], init: S.Stmt) -> S.Stmt:
    cond: E.PrimExpr | None = None
    for iv in iter_vars:
        if iv.iter_type != E.IterType.COMM_REDUCE:
            continue
        lo = iv.dom.min if iv.dom is not None else arith.make_const(iv.var.dtype, 0)
        term = E.EQ(iv.var, lo)
        cond = term if cond is None else E.And(cond, term)
    return init if cond is None else S.IfThenElse(cond, init)


def _match_buffer(
    m: MatchBufferRegion, vmap: dict[E.Var, E.PrimExpr], bmap: dict[Buffer, Buffer]
) -> S.Stmt:
    """``buffer`` declared over its source region; its symbolic fields bound through ``vmap``."""
    src = m.source.buffer
    region = m.source.region
    strides = list(src.strides) if src.strides else _compact_strides(src.shape)
    offset: E.PrimExpr = src.elem_offset if src.elem_offset is not None else arith.const(0)
    for r, stride in zip(region, strides, strict=True):
        offset = arith.add(offset, arith.mul(r.min, stride))
    buf = m.buffer
    ndim = len(buf.shape)
    tail_strides = strides[len(strides) - ndim :]
    for mine, actual in zip(buf.strides, tail_strides, strict=False):
        if isinstance(mine, E.Var):
            vmap[mine] = actual
    if isinstance(buf.elem_offset, E.Var):
        vmap[buf.elem_offset] = offset
    for mine, r in zip(buf.shape, region[len(region) - ndim :], strict=False):
        if isinstance(mine, E.Var):
            vmap[mine] = r.extent
    view = Buffer(
        src.data,
        buf.dtype,
        buf.shape,
        tuple(tail_strides),
        offset,
        buf.name,
        buf.data_alignment,
        buf.offset_factor,
    )
    bmap[buf] = view
    vmap[buf.data] = src.data
    return S.DeclBuffer(view)


def _compact_strides(shape: Sequence[E.PrimExpr]) -> list[E.PrimExpr]:
    strides: list[E.PrimExpr] = []
    acc: E.PrimExpr = arith.make_const(shape[-1].dtype if shape else "int32", 1)
    for dim in reversed(shape):
        strides.append(acc)
        acc = arith.mul(acc, dim)
    return strides[::-1]
