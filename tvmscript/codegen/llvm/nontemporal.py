"""Which outputs get non-temporal (streaming) stores.

A store that bypasses the cache pays when the output is much larger than the caches and is
never read back by the kernel: the data would only evict useful lines and cost a read for
ownership. Only dense vector stores use them (see `FunctionLowering.store_raw`).
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import walk

MIN_BYTES: Final = 8 * 1024 * 1024


def streaming_outputs(func: PrimFunc) -> frozenset[E.Var]:
    """Pointers of parameter buffers of at least `MIN_BYTES` that the kernel only writes."""
    big: set[E.Var] = set()
    for buf in func.buffer_map.values():
        size = DataType.of(buf.dtype).bytes
        for dim in buf.shape:
            size = size * dim.value if isinstance(dim, E.IntImm) else 0
        if size >= MIN_BYTES:
            big.add(buf.data)
    if not big:
        return frozenset()
    read: set[E.Var] = set()
    written: set[E.Var] = set()

    def check(n: object) -> None:
        if isinstance(n, E.BufferLoad):
            read.add(n.buffer.data)
        elif isinstance(n, S.BufferStore):
            written.add(n.buffer.data)
        elif isinstance(n, E.Call):
            read.update(a for a in n.args if isinstance(a, E.Var))

    walk(func.body, check)
    return frozenset(big & written - read)
