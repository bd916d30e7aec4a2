"""Infer the regions a block reads and writes (TVM's ``BlockReadWriteDetector``).

Used when a block gives no ``T.reads``/``T.writes``: each access is relaxed over the loops
inside the block, accesses to one buffer are united, and a block with ``T.init()`` does not
list the buffers it writes among its reads. Nested blocks contribute their declared regions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tvmscript.core.ir.node import node_fields
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer, BufferRegion
from tvmscript.core.tir.op import is_op
from tvmscript.core.tir.stmt import BufferStore, For, SBlock, SBlockRealize, Stmt
from tvmscript.script.ir_builder.tir.intset import (
    EVERYTHING,
    IntSet,
    cover_range,
    eval_set,
    from_range,
    union,
)

_READ: Final = 1
_WRITE: Final = 2


class _Accesses:
    """Buffers in order of first access, each with its united region."""

    def __init__(self) -> None:
        self.buffers: list[Buffer] = []
        self.regions: list[list[IntSet]] = []

    def update(self, buffer: Buffer, region: list[IntSet]) -> None:
        for i, known in enumerate(self.buffers):
            if known is buffer:
                old = self.regions[i]
                if len(old) != len(region):
                    raise ValueError(f"buffer '{buffer.name}' accessed with inconsistent rank")
                self.regions[i] = [union(a, b) for a, b in zip(old, region, strict=True)]
                return
        self.buffers.append(buffer)
        self.regions.append(region)

    def collect(self, excluded: set[int] | None = None) -> list[BufferRegion]:
        out: list[BufferRegion] = []
        for buffer, region in zip(self.buffers, self.regions, strict=True):
            if excluded is not None and id(buffer) in excluded:
                continue
            ranges = tuple(_to_range(s, dim) for s, dim in zip(region, buffer.shape, strict=True))
            out.append(BufferRegion(buffer, ranges))
        return out


def _to_range(s: IntSet, dim: E.PrimExpr) -> E.Range:
    if s.is_point():
        lo = s.lo.to_expr()  # type: ignore[union-attr]
        return E.Range(lo, arith.make_const(lo.dtype, 1))
    return cover_range(s, dim)


class _Detector:
    """Walks one block body (not into nested blocks) recording accesses."""

    def __init__(self, buffer_vars: Mapping[E.Var, Buffer], block: SBlock) -> None:
        self.buffer_vars = dict(buffer_vars)
        self.matched: dict[int, BufferRegion] = {}
        for match in block.match_buffers:
            if match.source.buffer.data in self.buffer_vars:
                self.matched[id(match.buffer)] = match.source
                self.buffer_vars[match.buffer.data] = match.buffer
        self.dom: dict[E.Var, IntSet] = {}
        self.reads = _Accesses()
        self.writes = _Accesses()
        self.opaques = _Accesses()

    def record(self, kind: _Accesses, buffer: Buffer, region: list[IntSet]) -> None:
        if buffer.data not in self.buffer_vars:
            return
        if (source := self.matched.get(id(buffer))) is not None:
            buffer = source.buffer
            region = [from_range(r.min, r.extent, self.dom) for r in source.region]
        kind.update(buffer, region)

    def full(self, buffer: Buffer) -> list[IntSet]:
        zero = arith.make_const(buffer.shape[0].dtype if buffer.shape else "int32", 0)
        return [from_range(zero, dim, self.dom) for dim in buffer.shape]

    def visit_stmt(self, s: Stmt) -> None:
        if isinstance(s, BufferStore):
            region = [eval_set(i, self.dom) for i in s.indices]
            self.record(self.writes, s.buffer, region)
            self.visit_children(s)
        elif isinstance(s, For):
            self.visit_expr(s.min)
            self.visit_expr(s.extent)
            self.dom[s.loop_var] = from_range(s.min, s.extent, {})
            self.visit_stmt(s.body)
            del self.dom[s.loop_var]
        elif isinstance(s, SBlockRealize):
            self.visit_nested(s)
        else:
            self.visit_children(s)

    def visit_nested(self, realize: SBlockRealize) -> None:
        block = realize.block
        vmap = {iv.var: v for iv, v in zip(block.iter_vars, realize.iter_values, strict=True)}
        for kind, regions in ((self.reads, block.reads), (self.writes, block.writes)):
            for region in regions:
                sets = [
                    from_range(substitute(r.min, vmap), substitute(r.extent, vmap), self.dom)
                    for r in region.region
                ]
                self.record(kind, region.buffer, sets)

    def visit_children(self, node: Any) -> None:
        for name, _ in node_fields(type(node)):
            self.visit_value(getattr(node, name))

    def visit_value(self, value: object) -> None:
        if isinstance(value, Stmt):
            self.visit_stmt(value)
        elif isinstance(value, E.PrimExpr):
            self.visit_expr(value)
        elif isinstance(value, tuple):
            for item in value:
                self.visit_value(item)

    def visit_expr(self, e: E.PrimExpr) -> None:
        if isinstance(e, E.BufferLoad):
            region = [eval_set(i, self.dom) for i in e.indices]
            self.record(self.reads, e.buffer, region)
            for index in e.indices:
                self.visit_expr(index)
        elif isinstance(e, E.Var):
            if (buffer := self.buffer_vars.get(e)) is not None:
                self.record(self.opaques, buffer, self.full(buffer))
        elif is_op(e, "tir.tvm_access_ptr"):
            self.visit_access_ptr(e)  # type: ignore[arg-type]
        else:
            self.visit_children(e)

    def visit_access_ptr(self, call: E.Call) -> None:
        data, mask = call.args[1], call.args[4]
        if not (isinstance(data, E.Var) and isinstance(mask, E.IntImm)):
            self.visit_children(call)
            return
        if (buffer := self.buffer_vars.get(data)) is None:
            return
        both = _READ | _WRITE
        kind = {both: self.opaques, _READ: self.reads, _WRITE: self.writes}.get(mask.value & both)
        if kind is not None:
            self.record(kind, buffer, self.full(buffer))


def detect_access(
    block: SBlock, buffer_vars: Mapping[E.Var, Buffer]
) -> tuple[list[BufferRegion], list[BufferRegion], list[BufferRegion]]:
    """``(reads, writes, opaques)`` of ``block`` over the buffers of ``buffer_vars``."""
    detector = _Detector(buffer_vars, block)
    if block.init is not None:
        detector.visit_stmt(block.init)
    detector.visit_stmt(block.body)
    writes = detector.writes.collect()
    excluded = {id(w.buffer) for w in writes} if block.init is not None else set()
    return detector.reads.collect(excluded), writes, detector.opaques.collect()


def substitute(e: E.PrimExpr, vmap: Mapping[E.Var, E.PrimExpr]) -> E.PrimExpr:
    """``e`` with the variables of ``vmap`` replaced (shared subtrees kept when unchanged)."""
    if not vmap:
        return e
    if isinstance(e, E.Var):
        return vmap.get(e, e)
    changes: dict[str, object] = {}
    for name, _ in node_fields(type(e)):
        value = getattr(e, name)
        new: object
        if isinstance(value, E.PrimExpr):
            new = substitute(value, vmap)
        elif isinstance(value, tuple) and any(isinstance(v, E.PrimExpr) for v in value):
            new = tuple(substitute(v, vmap) if isinstance(v, E.PrimExpr) else v for v in value)
        else:
            continue
        if new is not value and not (isinstance(new, tuple) and _same_items(new, value)):
            changes[name] = new
    if not changes:
        return e
    from tvmscript.core.ir.node import replace_fields

    return replace_fields(e, **changes)  # type: ignore[no-any-return]


def _same_items(a: tuple[Any, ...], b: object) -> bool:
    return isinstance(b, tuple) and all(x is y for x, y in zip(a, b, strict=True))


__all__ = ["EVERYTHING", "detect_access", "substitute"]
