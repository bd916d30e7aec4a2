"""Frames of the TIR builder: each collects statements and turns them into one node on exit.

Bindings and buffer declarations (``Bind``, ``AllocBuffer``, ``DeclBuffer``, ``AssertStmt``)
are flat statements in TVM 0.27: they are appended to the innermost frame's statement list,
never given a frame of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tvmscript.core.ir.span import Span
from tvmscript.core.tir.buffer import Buffer, BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import IntImm, IterVar, PrimExpr, Range, Type, Var
from tvmscript.core.tir.stmt import (
    AttrStmt,
    Evaluate,
    For,
    ForKind,
    IfThenElse,
    SBlock,
    SBlockRealize,
    Stmt,
    While,
    seq,
)
from tvmscript.script.ir_builder import base
from tvmscript.script.ir_builder.base import BuilderError, Frame, IRBuilder

DETECT_ACCESS_KEY = "tirx.script_parsing_detect_access"
"""Annotation asking the function's finalizer to infer a block's reads (bit 1) / writes (bit 2)."""


def current_span() -> Span | None:
    """The span of the statement being built (None outside a builder)."""
    builder = base._CURRENT.get()
    return builder.span if builder is not None else None


def as_body(stmts: list[Stmt]) -> Stmt:
    """One statement for a frame body (``T.evaluate(0)`` when empty, as TVM's ``AsStmt``).

    A constant ``T.evaluate(0)`` among other statements is a no-op TVM 0.27 drops.
    """
    if not stmts:
        return Evaluate(IntImm("int32", 0))
    if len(stmts) > 1 and any(_is_no_op(s) for s in stmts):
        stmts = [s for s in stmts if not _is_no_op(s)] or stmts[-1:]
    return seq(stmts)


def _is_no_op(stmt: Stmt) -> bool:
    # TVM 0.27 drops ``T.evaluate(0)`` only: ``T.evaluate(1)`` stays.
    return type(stmt) is Evaluate and type(stmt.value) is IntImm and stmt.value.value == 0


class TIRFrame(Frame):
    """A frame whose body is a list of statements."""

    def __init__(self) -> None:
        super().__init__()
        self.stmts: list[Stmt] = []


def add_stmt(stmt: Stmt) -> None:
    """Append ``stmt`` to the innermost frame that takes statements."""
    builder = IRBuilder.current()
    if builder.frames:
        frame = builder.frames[-1]
        if isinstance(frame, TIRFrame):
            frame.stmts.append(stmt)
            return
        if isinstance(frame, IfFrame):
            raise BuilderError("a statement inside T.If must be in T.Then() or T.Else()")
    raise BuilderError("statements must be inside a T.prim_func (or another TIR scope)")


def hand_to_parent(builder: IRBuilder, stmt: Stmt) -> None:
    """Give a finished statement to the enclosing frame."""
    frame = builder.last_frame()
    if isinstance(frame, TIRFrame):
        frame.stmts.append(stmt)
        return
    raise BuilderError("a TIR statement has no enclosing T.prim_func to go into")


class PrimFuncFrame(TIRFrame):
    """``T.prim_func()``: parameters, buffer map, attributes and the body."""

    def __init__(self, is_private: bool, s_tir: bool) -> None:
        super().__init__()
        self.is_private = is_private
        self.s_tir = s_tir
        self.name: str | None = None
        self.args: list[Var] = []
        self.buffer_map: dict[Var, Buffer] = {}
        self.attrs: dict[str, Any] = {}
        self.ret_type: Type | None = None
        self.root_alloc_buffers: list[Buffer] = []
        self.sym_vars: dict[str, Var] = {}
        """Symbolic dimensions spelled as strings (``T.Buffer(("n",))``), one Var per name."""
        self.env_threads: dict[Var, str] = {}
        """Thread tag of each `T.env_thread` variable."""
        self.launched: set[int] = set()
        """The `T.env_thread` variables a `T.launch_thread` launched (by id)."""
        self.has_blocks = False
        """Whether a block was built in the body (so the root block may be needed)."""
        self.detect_access = False
        """Whether some block left its regions to be inferred."""

    def finalize(self, builder: IRBuilder) -> None:
        from tvmscript.script.ir_builder.tir.complete import finish_prim_func

        func = finish_prim_func(self)
        from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

        module = builder.find_frame(IRModuleFrame)
        if module is not None:
            module.add_function(self.name or "", func)
        elif builder.frames:
            raise BuilderError("a T.prim_func can only be nested in an I.ir_module")
        else:
            builder.result = func


class SBlockFrame(TIRFrame):
    """``with T.sblock(name):``: axes, regions, allocations and the body of a block."""

    def __init__(self, name: str, no_realize: bool) -> None:
        super().__init__()
        self.name = name
        self.no_realize = no_realize
        self.iter_vars: list[IterVar] = []
        self.iter_values: list[PrimExpr] = []
        self.reads: list[BufferRegion] | None = None
        self.writes: list[BufferRegion] | None = None
        self.init: Stmt | None = None
        self.alloc_buffers: list[Buffer] = []
        self.match_buffers: list[MatchBufferRegion] = []
        self.annotations: dict[str, Any] | None = None
        self.predicate: PrimExpr | None = None

    def finalize(self, builder: IRBuilder) -> None:
        annotations = dict(self.annotations or {})
        mask = (self.reads is None) | ((self.writes is None) << 1)
        if mask:
            annotations[DETECT_ACCESS_KEY] = IntImm("int64", mask)
        if (func := builder.find_frame(PrimFuncFrame)) is not None:
            func.has_blocks = True
            func.detect_access |= bool(mask)
        block = SBlock(
            tuple(self.iter_vars),
            tuple(self.reads or ()),
            tuple(self.writes or ()),
            self.name,
            as_body(self.stmts),
            self.init,
            tuple(self.alloc_buffers),
            tuple(self.match_buffers),
            annotations,
            span=self.span,
        )
        if self.no_realize:
            if self.iter_values or self.predicate is not None:
                raise ValueError("block bindings and T.where need a realized block")
            hand_to_parent(builder, block)
            return
        predicate = self.predicate if self.predicate is not None else IntImm("bool", 1)
        realize = SBlockRealize(tuple(self.iter_values), predicate, block, span=self.span)
        hand_to_parent(builder, realize)


class BlockInitFrame(TIRFrame):
    """``with T.init():``: the initialisation of a reduction block."""

    def finalize(self, builder: IRBuilder) -> None:
        block = builder.last_frame()
        if not isinstance(block, SBlockFrame):
            raise BuilderError("T.init() must be directly inside a T.sblock")
        if block.init is not None:
            raise ValueError("a block has at most one T.init()")
        block.init = as_body(self.stmts)


LoopMaker = Callable[[Stmt], Stmt]


class ForFrame(TIRFrame):
    """A loop nest (one loop, or several for ``T.grid``); entering gives the loop variables."""

    def __init__(self, loop_vars: list[Var], doms: list[Range], makers: list[LoopMaker]) -> None:
        super().__init__()
        self.vars = loop_vars
        self.doms = doms
        self.makers = makers

    def __enter__(self) -> Any:
        super().__enter__()
        return self.vars[0] if len(self.vars) == 1 else list(self.vars)

    def finalize(self, builder: IRBuilder) -> None:
        body = as_body(self.stmts)
        for make in reversed(self.makers):
            body = make(body)
        hand_to_parent(builder, body)


def loop_maker(
    var: Var,
    start: PrimExpr,
    extent: PrimExpr,
    kind: ForKind,
    *,
    thread: IterVar | None = None,
    annotations: dict[str, Any] | None = None,
    step: PrimExpr | None = None,
) -> LoopMaker:
    """A function wrapping a body in one `For`."""
    span = current_span()

    def make(body: Stmt) -> Stmt:
        return For(var, start, extent, kind, body, thread, dict(annotations or {}), step, span=span)

    return make


class AssertFrame(TIRFrame):
    """What follows an ``assert`` (TVM 0.27's AssertStmt is flat: its body just follows it)."""

    def finalize(self, builder: IRBuilder) -> None:
        for stmt in self.stmts:
            hand_to_parent(builder, stmt)


class AttrFrame(TIRFrame):
    """``with T.attr(node, key, value):``."""

    def __init__(self, node: Any, attr_key: str, value: PrimExpr) -> None:
        super().__init__()
        self.node = node
        self.attr_key = attr_key
        self.value = value

    def finalize(self, builder: IRBuilder) -> None:
        stmt = AttrStmt(self.node, self.attr_key, self.value, as_body(self.stmts), span=self.span)
        hand_to_parent(builder, stmt)


class LaunchThreadFrame(AttrFrame):
    """``with T.launch_thread(tag, extent) as var:`` (a ``thread_extent`` attribute)."""

    def __init__(self, iter_var: IterVar, extent: PrimExpr) -> None:
        super().__init__(iter_var, "thread_extent", extent)
        self.iter_var = iter_var

    def __enter__(self) -> Any:
        super().__enter__()
        return self.iter_var.var


class WhileFrame(TIRFrame):
    """``while cond:``."""

    def __init__(self, condition: PrimExpr) -> None:
        super().__init__()
        self.condition = condition

    def finalize(self, builder: IRBuilder) -> None:
        hand_to_parent(builder, While(self.condition, as_body(self.stmts), span=self.span))


class IfFrame(Frame):
    """``with T.If(cond):`` holding a `ThenFrame` and an optional `ElseFrame`."""

    def __init__(self, condition: PrimExpr) -> None:
        super().__init__()
        self.condition = condition
        self.then_case: Stmt | None = None
        self.else_case: Stmt | None = None

    def finalize(self, builder: IRBuilder) -> None:
        if self.then_case is None:
            raise BuilderError("T.If needs a T.Then() branch")
        stmt = IfThenElse(self.condition, self.then_case, self.else_case, span=self.span)
        hand_to_parent(builder, stmt)


class ThenFrame(TIRFrame):
    """``with T.Then():`` inside `IfFrame`."""

    def finalize(self, builder: IRBuilder) -> None:
        frame = builder.last_frame()
        if not isinstance(frame, IfFrame):
            raise BuilderError("T.Then() must be directly inside T.If")
        frame.then_case = as_body(self.stmts)


class ElseFrame(TIRFrame):
    """``with T.Else():`` inside `IfFrame`, after `ThenFrame`."""

    def finalize(self, builder: IRBuilder) -> None:
        frame = builder.last_frame()
        if not isinstance(frame, IfFrame):
            raise BuilderError("T.Else() must be directly inside T.If")
        if frame.then_case is None:
            raise BuilderError("T.Else() must follow T.Then()")
        frame.else_case = as_body(self.stmts)


def prim_func_frame(what: str) -> PrimFuncFrame:
    """The enclosing `PrimFuncFrame`; ``what`` names the caller in the error."""
    frame = IRBuilder.current().find_frame(PrimFuncFrame)
    if frame is None:
        raise BuilderError(f"{what} must be inside a T.prim_func")
    return frame  # type: ignore[no-any-return]


def block_frame(what: str) -> SBlockFrame:
    """The innermost `SBlockFrame`; ``what`` names the caller in the error."""
    frame = IRBuilder.current().find_frame(SBlockFrame)
    if frame is None:
        raise BuilderError(f"{what} must be inside a T.sblock")
    return frame  # type: ignore[no-any-return]
