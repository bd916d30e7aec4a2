"""``T.sblock`` and what a block declares: init, predicate, regions, annotations."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from tvmscript.core.tir.buffer import BufferRegion
from tvmscript.core.tir.expr import BufferLoad, IntImm, PrimExpr
from tvmscript.script.ir_builder.tir.buffers import region_of
from tvmscript.script.ir_builder.tir.frames import BlockInitFrame, SBlockFrame, block_frame

RegionLike = BufferRegion | BufferLoad


_NAME_SUFFIX: ContextVar[str] = ContextVar("tvmscript_block_name_suffix", default="")


@contextmanager
def block_name_suffix_context(block_suffix: str) -> Iterator[None]:
    """Append ``block_suffix`` to the names of the blocks built inside (a macro's expansions)."""
    token = _NAME_SUFFIX.set(block_suffix)
    try:
        yield
    finally:
        _NAME_SUFFIX.reset(token)


def sblock(name: str = "", no_realize: bool = False, exec_scope: str = "") -> SBlockFrame:
    """Start a block named ``name`` (an `SBlockRealize` unless ``no_realize``)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a block name string, got {name!r}")
    if name and (suffix := _NAME_SUFFIX.get()):
        name += suffix
    del exec_scope  # TIRx's execution scope of a block: not modelled
    return SBlockFrame(name, no_realize)


def init() -> BlockInitFrame:
    """Start the initialisation part of a reduction block."""
    return BlockInitFrame()


def where(predicate: PrimExpr | bool | int) -> None:
    """Set the predicate of the innermost block's realize."""
    if isinstance(predicate, bool | int) and not isinstance(predicate, PrimExpr):
        if predicate not in (0, 1):
            raise ValueError(f"expected a boolean predicate, got {predicate!r}")
        predicate = IntImm("bool", int(predicate))
    if not isinstance(predicate, PrimExpr):
        raise TypeError(f"expected a predicate expression, got {predicate!r}")
    frame = block_frame("T.where")
    if frame.predicate is not None:
        raise ValueError("a block has at most one T.where")
    frame.predicate = predicate


def _regions(slices: Sequence[Any]) -> list[BufferRegion]:
    if len(slices) == 1 and isinstance(slices[0], list | tuple):
        slices = slices[0]
    out: list[BufferRegion] = []
    for item in slices:
        if isinstance(item, BufferLoad):
            out.append(region_of(item))
        elif isinstance(item, BufferRegion):
            out.append(item)
        else:
            raise TypeError(f"expected a buffer region such as A[i, 0:n], got {item!r}")
    return out


def reads(*buffer_slices: RegionLike | Sequence[RegionLike]) -> None:
    """Declare the regions the innermost block reads."""
    frame = block_frame("T.reads")
    if frame.reads is not None:
        raise ValueError("a block has at most one T.reads")
    frame.reads = _regions(buffer_slices)


def writes(*buffer_slices: RegionLike | Sequence[RegionLike]) -> None:
    """Declare the regions the innermost block writes."""
    frame = block_frame("T.writes")
    if frame.writes is not None:
        raise ValueError("a block has at most one T.writes")
    frame.writes = _regions(buffer_slices)


def sblock_attr(attrs: Mapping[str, Any]) -> None:
    """Add annotations to the innermost block."""
    if not isinstance(attrs, Mapping):
        raise TypeError(f"expected a dict of block annotations, got {type(attrs).__name__!r}")
    frame = block_frame("T.sblock_attr")
    if frame.annotations is None:
        frame.annotations = {}
    frame.annotations.update(attrs)
