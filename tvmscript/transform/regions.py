"""The regions a block reads and writes, as TVM's block access detector reports them.

Loads are visited in pre-order (a load before the loads in its indices) and grouped by buffer
in the order buffers are first met. A buffer read at one point gives that point; read at
points that differ by constants, the range covering them; otherwise the constant bounds of
its indices (``T.max(T.min(e, 3), 0)`` lies in ``0:4``), or the whole dimension.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from tvmscript.core.ir.node import Node
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.affine import same_expr
from tvmscript.core.tir.buffer import Buffer, BufferRegion
from tvmscript.core.tir.stmt import Bind, BufferStore, SeqStmt, Stmt

Bound = tuple[int, int] | None


def access_regions(
    body: Stmt, written: Sequence[Buffer]
) -> tuple[tuple[BufferRegion, ...], tuple[BufferRegion, ...]]:
    """``(reads, writes)`` of a block body writing ``written`` (not counted as reads)."""
    loads: dict[int, tuple[Buffer, list[tuple[E.PrimExpr, ...]]]] = {}
    stores: dict[int, tuple[Buffer, list[tuple[E.PrimExpr, ...]]]] = {}
    for node in _stmt_nodes(body):
        if isinstance(node, E.BufferLoad):
            loads.setdefault(id(node.buffer), (node.buffer, []))[1].append(node.indices)
        elif isinstance(node, BufferStore):
            stores.setdefault(id(node.buffer), (node.buffer, []))[1].append(node.indices)
    skip = {id(b) for b in written}
    reads = tuple(_region(b, pts) for key, (b, pts) in loads.items() if key not in skip)
    writes = tuple(_region(b, pts) for b, pts in stores.values())
    return reads, writes


def _stmt_nodes(s: Stmt) -> Iterator[Node]:
    if isinstance(s, SeqStmt):
        for item in s.seq:
            yield from _stmt_nodes(item)
    elif isinstance(s, BufferStore):
        yield from expr_nodes(s.value)
        for i in s.indices:
            yield from expr_nodes(i)
        yield s
    elif isinstance(s, Bind):
        yield from expr_nodes(s.value)
    else:
        raise TypeError(f"unexpected statement {type(s).__name__} in a compute block")


def expr_nodes(e: object) -> Iterator[Node]:
    """Every node of expression ``e`` in pre-order (arguments in field order)."""
    if isinstance(e, tuple):
        for item in e:
            yield from expr_nodes(item)
        return
    if not isinstance(e, E.PrimExpr):
        return
    yield e
    match e:
        case E.BufferLoad(indices=indices):
            yield from expr_nodes(indices)
        case E.BinaryOp(a=a, b=b) | E.CmpOp(a=a, b=b):
            yield from expr_nodes(a)
            yield from expr_nodes(b)
        case E.Not(a=a) | E.Cast(value=a):
            yield from expr_nodes(a)
        case E.Select(condition=c, true_value=t, false_value=f):
            yield from expr_nodes((c, t, f))
        case E.Call(args=args):
            yield from expr_nodes(tuple(args))
        case E.Let(value=v, body=b):
            yield from expr_nodes((v, b))
        case _:
            return


def _region(buffer: Buffer, points: list[tuple[E.PrimExpr, ...]]) -> BufferRegion:
    ranges = [_dim_range(buffer, d, [p[d] for p in points]) for d in range(len(points[0]))]
    return BufferRegion(buffer, tuple(ranges))


def _dim_range(buffer: Buffer, dim: int, indices: list[E.PrimExpr]) -> E.Range:
    first = indices[0]
    if all(same_expr(first, i) for i in indices[1:]) and _pointlike(first):
        return E.Range(first, E.IntImm(first.dtype, 1))
    if _pointlike(first) and (offsets := _common_offsets(indices)) is not None:
        base, values = offsets
        lo, hi = min(values), max(values)
        start = base if lo == 0 else _add_const(base, lo)
        return E.Range(start, E.IntImm(first.dtype, hi - lo + 1))
    bounds = [_bound(i) for i in indices]
    if all(b is not None for b in bounds):
        lo = min(b[0] for b in bounds if b is not None)
        hi = max(b[1] for b in bounds if b is not None)
        return E.Range(E.IntImm(first.dtype, lo), E.IntImm(first.dtype, hi - lo + 1))
    zero = E.IntImm(buffer.shape[dim].dtype, 0)
    return E.Range(zero, buffer.shape[dim])


def _pointlike(e: E.PrimExpr) -> bool:
    """Whether an index is one point for fixed block variables.

    TVM's interval analysis keeps integer arithmetic exact but knows nothing of values
    computed in floating point.
    """
    return not any(_opaque(n) for n in expr_nodes(e))


def _opaque(n: object) -> bool:
    """A node whose value interval analysis does not follow (a float, a select)."""
    if isinstance(n, E.Select | E.Call):
        return True
    return isinstance(n, E.PrimExpr) and _is_float(n.dtype)


def _is_float(dtype: str) -> bool:
    return dtype.startswith(("float", "bfloat"))


def _split_offset(e: E.PrimExpr) -> tuple[E.PrimExpr | None, int]:
    if isinstance(e, E.IntImm):
        return None, e.value
    if isinstance(e, E.Add) and isinstance(e.b, E.IntImm):
        return e.a, e.b.value
    if isinstance(e, E.Sub) and isinstance(e.b, E.IntImm):
        return e.a, -e.b.value
    return e, 0


def _common_offsets(indices: list[E.PrimExpr]) -> tuple[E.PrimExpr, list[int]] | None:
    parts = [_split_offset(i) for i in indices]
    base = parts[0][0]
    if base is None or any(p[0] is None or not same_expr(base, p[0]) for p in parts):
        return None
    return base, [p[1] for p in parts]


def _add_const(e: E.PrimExpr, c: int) -> E.PrimExpr:
    if c < 0:
        return E.Sub(e, E.IntImm(e.dtype, -c))
    return E.Add(e, E.IntImm(e.dtype, c))


def _bound(e: E.PrimExpr) -> Bound:
    """Constant ``[lo, hi]`` of an integer expression whose variables are unbounded."""
    lo, hi = _lower(e), _upper(e)
    return None if lo is None or hi is None else (lo, hi)


def _lower(e: E.PrimExpr) -> int | None:
    match e:
        case E.IntImm(value=v):
            return v
        case E.Max(a=a, b=b):  # at least either side's lower bound
            known = [x for x in (_lower(a), _lower(b)) if x is not None]
            return max(known) if known else None
        case E.Min(a=a, b=b):
            return _both(min, _lower(a), _lower(b))
        case E.FloorMod(b=E.IntImm(value=c)) if c > 0:
            return 0
        case E.Add(a=a, b=b):
            return _both(int.__add__, _lower(a), _lower(b))
        case E.Sub(a=a, b=b):
            return _both(int.__sub__, _lower(a), _upper(b))
        case _:
            return None


def _upper(e: E.PrimExpr) -> int | None:
    match e:
        case E.IntImm(value=v):
            return v
        case E.Min(a=a, b=b):  # at most either side's upper bound
            known = [x for x in (_upper(a), _upper(b)) if x is not None]
            return min(known) if known else None
        case E.Max(a=a, b=b):
            return _both(max, _upper(a), _upper(b))
        case E.FloorMod(b=E.IntImm(value=c)) if c > 0:
            return c - 1
        case E.Add(a=a, b=b):
            return _both(int.__add__, _upper(a), _upper(b))
        case E.Sub(a=a, b=b):
            return _both(int.__sub__, _upper(a), _lower(b))
        case _:
            return None


def _both(f: Callable[[int, int], int], a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else f(a, b)
