"""A small tensor-expression layer: placeholders, computes and reductions.

An operator's legalization describes its result as computes over tensors (TVM's ``te``);
`create_prim_func` turns them into the s_tir PrimFunc TVM's ``te.create_prim_func`` makes: one
loop nest and block per compute, in the post-order of the outputs' dependencies, intermediates
allocated in the root block, each block with its accessed regions.

A compute's body is built from block variables directly (``v_ax0``, ``v_k``), so the function
needs no substitution; the loop variables (``ax0``, ``k``) are made when it is lowered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.buffer import Buffer, make_buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.stmt import (
    Bind,
    BufferStore,
    For,
    ForKind,
    SBlock,
    SBlockRealize,
    SeqStmt,
    Stmt,
    seq,
)
from tvmscript.transform import limits
from tvmscript.transform.regions import access_regions

Index: TypeAlias = E.PrimExpr | int
INDEX_DTYPE = "int64"


def as_index(value: Index) -> E.PrimExpr:
    """An index or extent as an int64 expression (Python ints become ``T.int64`` constants)."""
    if isinstance(value, E.PrimExpr):
        return value
    return E.IntImm(INDEX_DTYPE, int(value))


@dataclass(eq=False)
class Tensor:
    """A placeholder or the (one) output of a compute, backed by its own buffer."""

    buffer: Buffer
    op: ComputeOp | None = None
    """The compute producing it (None: a placeholder, i.e. a parameter)."""

    @property
    def name(self) -> str:
        return self.buffer.name

    @property
    def shape(self) -> tuple[E.PrimExpr, ...]:
        return self.buffer.shape

    @property
    def dtype(self) -> str:
        return self.buffer.dtype

    @property
    def ndim(self) -> int:
        return len(self.buffer.shape)

    def __call__(self, *indices: Index) -> E.PrimExpr:
        return self[indices]

    def __getitem__(self, key: Index | Sequence[Index]) -> E.PrimExpr:
        indices = tuple(key) if isinstance(key, Sequence) else (key,)
        if len(indices) != self.ndim:
            raise ValueError(
                f"tensor '{self.name}' has {self.ndim} dims, indexed with {len(indices)}"
            )
        if (reads := _READS.get()) is not None and not any(t is self for t in reads):
            reads.append(self)
        return E.BufferLoad(self.buffer, tuple(as_index(i) for i in indices))


_READS: ContextVar[list[Tensor] | None] = ContextVar("tvmscript_te_reads", default=None)


@contextmanager
def _collecting_reads() -> Iterator[list[Tensor]]:
    reads: list[Tensor] = []
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)


def new_buffer(name: str, shape: Sequence[E.PrimExpr], dtype: str) -> Buffer:
    """A compact global buffer (a bool buffer's memory holds int8, as TVM declares it)."""
    elem = "int8" if dtype == "bool" else dtype
    data = E.Var(name, "handle", E.PointerType(elem, "global"))
    return make_buffer(name, tuple(shape), dtype, data=data)


def placeholder(shape: Sequence[Index], dtype: str, name: str) -> Tensor:
    """An input tensor (a PrimFunc parameter)."""
    return Tensor(new_buffer(name, tuple(as_index(d) for d in shape), dtype))


@dataclass(eq=False)
class Axis:
    """A block axis: the block variable (``v_<name>``) and the loop it is bound to."""

    var: E.Var
    name: str
    extent: E.PrimExpr
    reduce: bool = False


def reduce_axis(extent: Index, name: str = "k") -> Axis:
    """A reduction axis over ``[0, extent)``."""
    ext = as_index(extent)
    return Axis(E.Var(f"v_{name}", ext.dtype), name, ext, reduce=True)


@dataclass(eq=False)
class Reduce:
    """A commutative reduction of ``sources`` over ``axis`` (TVM's ``tir.Reduce``).

    ``combine(accumulators, sources)`` gives the new accumulators; ``identity`` the initial ones.
    """

    combine: Callable[[tuple[E.PrimExpr, ...], tuple[E.PrimExpr, ...]], tuple[E.PrimExpr, ...]]
    sources: tuple[E.PrimExpr, ...]
    identity: tuple[E.PrimExpr, ...]
    axis: tuple[Axis, ...]


def _reducer(
    combine: Callable[[E.PrimExpr, E.PrimExpr], E.PrimExpr],
    identity: Callable[[str], E.PrimExpr],
) -> Callable[[E.PrimExpr, Sequence[Axis]], Reduce]:
    def make(source: E.PrimExpr, axis: Sequence[Axis]) -> Reduce:
        return Reduce(
            lambda acc, src: (combine(acc[0], src[0]),),
            (source,),
            (identity(source.dtype),),
            tuple(axis),
        )

    return make


min_value = limits.min_value
max_value = limits.max_value


sum = _reducer(lambda a, b: E.Add(a, b), lambda t: arith.make_const(t, 0))
prod = _reducer(lambda a, b: E.Mul(a, b), lambda t: arith.make_const(t, 1))
max = _reducer(lambda a, b: E.Max(a, b), min_value)
min = _reducer(lambda a, b: E.Min(a, b), max_value)

Body: TypeAlias = E.PrimExpr | Reduce | tuple[E.PrimExpr, ...]


@dataclass(eq=False)
class ComputeOp:
    """A compute: its spatial axes, its body and the tensors it reads and writes."""

    name: str
    axis: tuple[Axis, ...]
    body: Body
    outputs: list[Tensor] = field(default_factory=list)
    inputs: list[Tensor] = field(default_factory=list)
    """Tensors the body reads, in the order their loads were made."""
    attrs: dict[str, Any] = field(default_factory=dict)
    """The block's annotations (``T.sblock_attr``)."""
    lowering: Callable[[ComputeOp, str], Stmt] | None = None
    """Lowers the compute to its statement (named by the block name) in place of the naive
    loop nest: a fixed schedule (`tiling`)."""

    @property
    def reduce_axis(self) -> tuple[Axis, ...]:
        return self.body.axis if isinstance(self.body, Reduce) else ()


Names = str | Sequence[str]


def _axis_names(names: Names, ndim: int) -> list[str]:
    if isinstance(names, str):
        return [f"{names}{i}" for i in range(ndim)]
    if len(names) != ndim:
        raise ValueError(f"{len(names)} axis names for {ndim} dims")
    return list(names)


def compute(
    shape: Sequence[Index],
    fcompute: Callable[..., Body],
    name: str = "compute",
    *,
    names: Names = "i",
    attrs: dict[str, Any] | None = None,
    dtype: str | None = None,
) -> Tensor:
    """The tensor whose element at the block variables is ``fcompute(*block_vars)``.

    ``names``: a prefix (``"ax"`` → ``ax0, ax1, ...``) or one name per axis. ``dtype``: the
    output's dtype when it is not the body's (a reduction's identity decides otherwise).
    """
    tensors = compute_multi(shape, fcompute, name, names=names, attrs=attrs, dtype=dtype)
    if len(tensors) != 1:
        raise ValueError(f"compute '{name}' has {len(tensors)} outputs; use compute_multi")
    return tensors[0]


def compute_multi(
    shape: Sequence[Index],
    fcompute: Callable[..., Body],
    name: str = "compute",
    *,
    names: Names = "i",
    attrs: dict[str, Any] | None = None,
    dtype: str | None = None,
) -> list[Tensor]:
    """`compute` for bodies with several values (a tuple reduction): one tensor per value.

    The tensors are named ``<name>_v0``, ``<name>_v1``, ... (TVM's naming of tuple outputs).
    """
    dims = tuple(as_index(d) for d in shape)
    axes = tuple(
        Axis(E.Var(f"v_{n}", d.dtype), n, d)
        for n, d in zip(_axis_names(names, len(dims)), dims, strict=True)
    )
    with _collecting_reads() as reads:
        body = fcompute(*(a.var for a in axes))
    op = ComputeOp(name, axes, body, inputs=reads, attrs=dict(attrs or {}))
    values = _body_values(body)
    for i, value in enumerate(values):
        out_name = name if len(values) == 1 else f"{name}_v{i}"
        out_dtype = dtype if dtype is not None and len(values) == 1 else value.dtype
        op.outputs.append(Tensor(new_buffer(out_name, dims, out_dtype), op))
    return op.outputs


def _body_values(body: Body) -> tuple[E.PrimExpr, ...]:
    if isinstance(body, Reduce):
        return body.identity
    if isinstance(body, tuple):
        return body
    return (body,)


# ---------------------------------------------------------------------------------------------
# Lowering one compute to its block


def _post_order(outputs: Sequence[Tensor]) -> list[ComputeOp]:
    """Computes reachable from ``outputs``, each after the computes it reads."""
    order: list[ComputeOp] = []
    seen: set[int] = set()

    def visit(t: Tensor) -> None:
        op = t.op
        if op is None or id(op) in seen:
            return
        seen.add(id(op))
        for src in op.inputs:
            visit(src)
        order.append(op)

    for out in outputs:
        visit(out)
    return order


def _store_indices(op: ComputeOp) -> tuple[E.PrimExpr, ...]:
    return tuple(a.var for a in op.axis)


def _block_body(op: ComputeOp, buffers: list[Buffer]) -> tuple[Stmt, Stmt | None]:
    idx = _store_indices(op)
    body = op.body
    if not isinstance(body, Reduce):
        values = _body_values(body)
        stores = [
            BufferStore(b, _cast_to(b.dtype, v), idx) for b, v in zip(buffers, values, strict=True)
        ]
        return seq(list(stores)), None
    init = seq([BufferStore(b, v, idx) for b, v in zip(buffers, body.identity, strict=True)])
    accs = tuple(E.BufferLoad(b, idx) for b in buffers)
    combined = body.combine(accs, body.sources)
    if len(buffers) == 1:
        return BufferStore(buffers[0], combined[0], idx), init
    lets = [E.Var(f"v_{b.name}", b.dtype) for b in buffers]
    stmts: list[Stmt] = [Bind(v, c) for v, c in zip(lets, combined, strict=True)]
    stmts += [BufferStore(b, v, idx) for b, v in zip(buffers, lets, strict=True)]
    return SeqStmt(tuple(stmts)), init


def _cast_to(dtype: str, value: E.PrimExpr) -> E.PrimExpr:
    return value if value.dtype == dtype else arith.cast(dtype, value)


def lower_compute(op: ComputeOp, block_name: str) -> Stmt:
    """The loop nest and block computing ``op``."""
    if op.lowering is not None:
        return op.lowering(op, block_name)
    buffers = [t.buffer for t in op.outputs]
    body, init = _block_body(op, buffers)
    all_axes = (*op.axis, *op.reduce_axis)
    if not all_axes:  # a 0-d result: one unit axis bound to 0, no loop
        all_axes = (Axis(E.Var("vi", INDEX_DTYPE), "vi", E.IntImm(INDEX_DTYPE, 1)),)
    loop_vars = [E.Var(a.name, a.var.dtype) for a in all_axes]
    iter_vars = tuple(
        E.IterVar(
            E.Range(E.IntImm(a.var.dtype, 0), a.extent),
            a.var,
            E.IterType.COMM_REDUCE if a.reduce else E.IterType.DATA_PAR,
        )
        for a in all_axes
    )
    reads, writes = access_regions(body, buffers)
    block = SBlock(iter_vars, reads, writes, block_name, body, init, annotations=dict(op.attrs))
    if not op.axis and not op.reduce_axis:
        return SBlockRealize((E.IntImm(INDEX_DTYPE, 0),), E.IntImm("bool", 1), block)
    stmt: Stmt = SBlockRealize(tuple(loop_vars), E.IntImm("bool", 1), block)
    for var, axis in reversed(list(zip(loop_vars, all_axes, strict=True))):
        stmt = For(var, E.IntImm(var.dtype, 0), axis.extent, ForKind.SERIAL, stmt)
    return stmt


def _unique(name: str, taken: dict[str, int]) -> str:
    """``name``, else ``name_1``, ``name_2``, ... (TVM's block-name uniquifier)."""
    if name not in taken:
        taken[name] = 0
        return name
    while True:
        taken[name] += 1
        candidate = f"{name}_{taken[name]}"
        if candidate not in taken:
            taken[candidate] = 0
            return candidate


def create_prim_func(args: Sequence[Tensor | E.Var]) -> PrimFunc:
    """The s_tir PrimFunc computing the compute tensors of ``args`` from its placeholders.

    ``args`` are the parameters in order: placeholders, outputs, and scalar variables (TVM's
    ``tir_vars``). Computes the outputs need that are not parameters become the root block's
    allocations.
    """
    tensors = [a for a in args if isinstance(a, Tensor)]
    outputs = [t for t in tensors if t.op is not None]
    ops = _post_order(outputs)
    params: list[E.Var] = []
    buffer_map: dict[E.Var, Buffer] = {}
    for arg in args:
        if isinstance(arg, E.Var):
            params.append(arg)
            continue
        handle = E.Var(arg.name, "handle")
        params.append(handle)
        buffer_map[handle] = arg.buffer
    param_buffers = {id(t.buffer) for t in tensors}
    allocs = [t.buffer for op in ops for t in op.outputs if id(t.buffer) not in param_buffers]
    taken: dict[str, int] = {}
    stmts = [lower_compute(op, _unique(op.name, taken)) for op in ops]
    root = SBlock((), (), (), "root", seq(stmts), None, tuple(allocs))
    body = SBlockRealize((), E.IntImm("bool", 1), root)
    attrs = {"tirx.noalias": True, "s_tir": True}
    return PrimFunc(tuple(params), body, buffer_map, None, attrs, True)
