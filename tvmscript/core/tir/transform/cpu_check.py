"""Reject what cannot run on a CPU: GPU thread bindings, launches and memory scopes.

``vthread`` bindings are kept: on the CPU they are serial loops (TVM's InjectVirtualThread).
"""

from __future__ import annotations

from typing import Final

from tvmscript.core.ir.span import Span
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.buffer import Buffer
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.transform.functor import walk

GPU_SCOPES: Final = (
    "shared",
    "shared.dyn",
    "warp",
    "wmma.matrix_a",
    "wmma.matrix_b",
    "wmma.accumulator",
)


class LoweringError(ValueError):
    """IR that the CPU lowering cannot handle, located at ``span`` when known."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


def check_cpu(func: PrimFunc) -> PrimFunc:
    """``func`` itself; raises `LoweringError` at its first GPU-only construct."""
    problem: tuple[str, Span | None] | None = None

    last_span: Span | None = None

    def check(n: object) -> None:
        nonlocal problem, last_span
        if problem is not None:
            return
        if isinstance(n, S.Stmt) and n.span is not None:
            last_span = n.span
        if isinstance(n, S.For) and n.kind == S.ForKind.THREAD_BINDING:
            tag = n.thread_binding.thread_tag if n.thread_binding is not None else ""
            if not tag.startswith("vthread"):
                problem = (
                    f"loop '{n.loop_var.name}' is bound to GPU thread '{tag}': "
                    "the CPU target has no GPU threads",
                    n.span,
                )
        elif isinstance(n, S.AttrStmt) and n.attr_key == "thread_extent":
            problem = ("a GPU thread launch ('thread_extent') cannot run on the CPU target", n.span)
        elif isinstance(n, S.AllocBuffer | S.DeclBuffer | S.SBlock):
            bufs: tuple[Buffer, ...] = n.alloc_buffers if isinstance(n, S.SBlock) else (n.buffer,)
            for buf in bufs:
                if buf.scope in GPU_SCOPES:
                    problem = (
                        f"buffer '{buf.name}' is in GPU memory scope '{buf.scope}': "
                        "not available on the CPU target",
                        n.span or buf.span or last_span,
                    )

    walk(func.body, check)
    if problem is not None:
        raise LoweringError(*problem)
    return func
