"""A tiled, parallel, vectorized loop nest for a large matmul-like compute (a fixed CPU schedule).

TVM's LegalizeOps gives a naive loop nest and leaves speed to a later schedule; we have no
scheduler, so a large contraction ``C[..., i, j] = sum_k f(..., i, j, k)`` is lowered here
straight to the form of TVM's tuned matmul (the perf kit's ``matmul1024_sched``): a
``T.parallel`` loop over ``rows x cols`` tiles of the output (and its batch), each tile summed
in a local accumulator over ``k`` in steps of ``depth`` (``T.unroll``), the column loop
``T.vectorized``. Each element still sums over ``k`` in increasing order, as the naive nest.

Columns that do not fill a tile get a second nest of the remainder's width; rows that do not
fill one (or a symbolic row count) bound the row loop by ``T.min``. The reduction's extent and
the column count must be constants.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import make_buffer
from tvmscript.core.tir.stmt import BufferStore, For, ForKind, SBlock, SBlockRealize, Stmt, seq
from tvmscript.core.tir.transform.functor import substitute_expr
from tvmscript.transform import te

_DTYPES: Final = ("float32", "float64")
MIN_WORK = 1 << 18
"""Multiply-adds (static dims only) below which the naive loop nest is kept (as TVM's text)."""
MIN_TILE_WORK = 1 << 12
"""Columns x reduction extent below which a compute with symbolic rows stays naive."""


@dataclass(frozen=True, slots=True)
class Tile:
    """The tile of the output one task computes, and the reduction step."""

    rows: int = 64
    cols: int = 64
    depth: int = 4


TILE = Tile()
"""The tile `lower_tiled` uses: TVM's tuned choice for a 1024 matmul on this CPU class."""


def _const(d: E.PrimExpr) -> int | None:
    return d.value if isinstance(d, E.IntImm) else None


def tiled_contraction(op: te.ComputeOp) -> bool:
    """Whether ``op`` is a sum over one axis that the tiled nest computes faster than naive.

    It must have one floating-point output of rank >= 2, constant column and reduction
    extents, and enough work (`MIN_WORK`; with symbolic rows or batch, `MIN_TILE_WORK`).
    """
    body = op.body
    if not isinstance(body, te.Reduce) or len(body.axis) != 1 or len(op.outputs) != 1:
        return False
    if len(op.axis) < 2 or op.outputs[0].dtype not in _DTYPES:
        return False
    cols, depth = _const(op.axis[-1].extent), _const(body.axis[0].extent)
    if cols is None or depth is None or cols * depth < MIN_TILE_WORK:
        return False
    outer = [_const(a.extent) for a in op.axis[:-1]]
    static = [d for d in outer if d is not None]
    return len(static) < len(outer) or math.prod(static) * cols * depth >= MIN_WORK


def lower_tiled(op: te.ComputeOp, block_name: str, tile: Tile | None = None) -> Stmt:
    """The opaque block computing ``op`` (`tiled_contraction` holds) tile by tile.

    Its accumulators are the block's buffers, allocated (one tile) in each parallel task.
    """
    tile = TILE if tile is None else tile
    cols = _const(op.axis[-1].extent)
    assert cols is not None
    full, rest = divmod(cols, tile.cols)
    nests = [
        _Nest(op, tile, width, col0, count)
        for width, col0, count in ((tile.cols, 0, full), (rest, full * tile.cols, 1))
        if width > 0 and count > 0
    ]
    body = seq([n.build() for n in nests])
    block = SBlock((), (), (), block_name, body, None, tuple(n.acc for n in nests))
    return SBlockRealize((), E.IntImm("bool", 1), block)


class _Nest:
    """One parallel loop over the tiles of the columns ``[col0, col0 + count * width)``.

    Task ``t`` computes column tile ``t % count`` of row tile ``t // count % row_tiles`` of
    batch element ``t // count // row_tiles`` (row-major over the batch axes).
    """

    def __init__(self, op: te.ComputeOp, tile: Tile, width: int, col0: int, count: int) -> None:
        assert isinstance(op.body, te.Reduce)
        self.body = op.body
        self.out = op.outputs[0].buffer
        self.width, self.depth = width, tile.depth
        *self.batch, self.row_axis, self.col_axis = op.axis
        self.k_axis = op.body.axis[0]
        nrows = self.row_axis.extent
        static_rows = _const(nrows)
        rows = tile.rows if static_rows is None else max(1, min(tile.rows, static_rows))
        self.acc = make_buffer(
            f"{self.out.name}_acc", (te.as_index(rows), te.as_index(width)), self.out.dtype
        )
        # Step 1. The task variable and the tile it computes.
        self.task = E.Var("t", te.INDEX_DTYPE)
        row_tiles = arith.floordiv(arith.add(nrows, rows - 1), rows)
        self.tasks = math.prod((a.extent for a in self.batch), start=arith.mul(row_tiles, count))
        self.col_base = arith.add(col0, arith.mul(arith.floormod(self.task, count), width))
        outer = arith.floordiv(self.task, count)
        self.row_base = arith.mul(arith.floormod(outer, row_tiles), rows)
        self.batch_index = _unflatten(arith.floordiv(outer, row_tiles), self.batch)
        # Step 2. The rows of the tile: fewer in the last row tile when they do not divide.
        self.row_extent = te.as_index(rows)
        if static_rows is None or static_rows % rows != 0:
            self.row_extent = arith.min_(self.row_extent, arith.sub(nrows, self.row_base))

    def build(self) -> Stmt:
        """``acc = 0``; ``acc += source`` over the reduction; ``out[tile] = acc``."""
        zero = self.body.identity[0]
        init = self._rows_cols(lambda i, j: BufferStore(self.acc, zero, (i, j)))
        store = self._rows_cols(
            lambda i, j: BufferStore(self.out, E.BufferLoad(self.acc, (i, j)), self._at(i, j))
        )
        body = seq([init, *self._update(), store])
        return For(self.task, te.as_index(0), self.tasks, ForKind.PARALLEL, body)

    def _at(self, i: E.PrimExpr, j: E.PrimExpr) -> tuple[E.PrimExpr, ...]:
        """The output index of tile element ``(i, j)``."""
        return (*self.batch_index, arith.add(self.row_base, i), arith.add(self.col_base, j))

    def _rows_cols(self, store: Callable[[E.PrimExpr, E.PrimExpr], Stmt]) -> Stmt:
        i, j = _var("i"), _var("j")
        inner = _loop(j, self.width, ForKind.VECTORIZED, store(i, j))
        return For(i, te.as_index(0), self.row_extent, ForKind.SERIAL, inner)

    def _update(self) -> list[Stmt]:
        """``acc += source`` over the reduction: steps of `depth`, then the remainder."""
        extent = _const(self.k_axis.extent)
        assert extent is not None
        steps, rest = divmod(extent, self.depth)
        stmts: list[Stmt] = []
        if steps:
            k0 = _var("k_0")
            step = self._step(arith.mul(k0, self.depth), self.depth)
            stmts.append(_loop(k0, steps, ForKind.SERIAL, step))
        if rest:
            stmts.append(self._step(te.as_index(steps * self.depth), rest))
        return stmts

    def _step(self, base: E.PrimExpr, count: int) -> Stmt:
        """For each row: ``count`` reduction steps from ``base``, unrolled, columns vectorized."""
        i, k1, j = _var("i"), _var("k_1"), _var("j")
        vmap: dict[E.Var, E.PrimExpr] = {
            a.var: index for a, index in zip(self.batch, self.batch_index, strict=True)
        }
        vmap[self.row_axis.var] = arith.add(self.row_base, i)
        vmap[self.col_axis.var] = arith.add(self.col_base, j)
        vmap[self.k_axis.var] = arith.add(base, k1)
        source = substitute_expr(self.body.sources[0], vmap)
        acc = E.BufferLoad(self.acc, (i, j))
        (value,) = self.body.combine((acc,), (source,))
        inner = _loop(j, self.width, ForKind.VECTORIZED, BufferStore(self.acc, value, (i, j)))
        unrolled = _loop(k1, count, ForKind.UNROLLED, inner)
        return For(i, te.as_index(0), self.row_extent, ForKind.SERIAL, unrolled)


def _var(name: str) -> E.Var:
    return E.Var(name, te.INDEX_DTYPE)


def _loop(var: E.Var, extent: int, kind: ForKind, body: Stmt) -> For:
    return For(var, te.as_index(0), te.as_index(extent), kind, body)


def _unflatten(flat: E.PrimExpr, axes: Sequence[te.Axis]) -> list[E.PrimExpr]:
    """The indices over ``axes`` (row-major) of flat index ``flat``."""
    index: list[E.PrimExpr] = []
    for n, axis in enumerate(reversed(axes)):
        last = n == len(axes) - 1
        index.append(flat if last else arith.floormod(flat, axis.extent))
        flat = arith.floordiv(flat, axis.extent)
    return index[::-1]
