"""Frames of the Relax builder: functions, dataflow blocks and branches.

A `SeqExprFrame` (a function body, an ``if`` branch) collects binding blocks. Bindings made
directly in it go to an open non-dataflow block (``pending``), which is closed when a dataflow
block starts or the frame ends; TVM opens and closes that block implicitly too. Each
`FunctionFrame` names the variables it creates as TVM's block builder does: ``gv``, ``gv1``,
... outside dataflow blocks and ``lv``, ``lv1``, ... inside (the names of bound variables are
set afterwards by the parser, but still use up a number).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tvmscript.core.ir.span import Span
from tvmscript.core.relax.expr import (
    Binding,
    BindingBlock,
    Call,
    DataflowBlock,
    DataflowVar,
    Expr,
    Var,
)
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder.base import BuilderError, Frame, IRBuilder

if TYPE_CHECKING:
    from tvmscript.core.relax.expr import If


class RelaxError(ValueError):
    """A Relax program the builder rejects, with a diagnostic code and, when known, a span."""

    def __init__(self, code: str, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.span = span


class RelaxFrame(Frame):
    """Base of the Relax frames."""


class SeqExprFrame(RelaxFrame):
    """A sequence of binding blocks with a result (a function body, an ``if`` branch)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[BindingBlock] = []
        self.pending: list[Binding] = []
        self.defined_vars: set[E.Var] = set()
        """Symbolic variables defined in this scope (by parameters, ``R.match_cast``)."""

    def flush(self) -> None:
        """Close the open non-dataflow block."""
        if self.pending:
            self.blocks.append(BindingBlock(tuple(self.pending)))
            self.pending = []

    def take_blocks(self) -> tuple[BindingBlock, ...]:
        """The blocks, adjacent blocks of the same kind merged (as TVM's normaliser does)."""
        self.flush()
        out: list[BindingBlock] = []
        for block in self.blocks:
            if not block.bindings:
                continue
            if out and type(out[-1]) is type(block):
                merged = type(block)(out[-1].bindings + block.bindings, span=out[-1].span)
                out[-1] = merged
                continue
            out.append(block)
        return tuple(out)

    def last_binding(self) -> Binding | None:
        """The binding made last in this frame."""
        if self.pending:
            return self.pending[-1]
        for block in reversed(self.blocks):
            if block.bindings:
                return block.bindings[-1]
        return None


class FunctionFrame(SeqExprFrame):
    """``R.function()``: parameters, attributes, the declared result and the body."""

    def __init__(self, is_pure: bool, is_private: bool) -> None:
        super().__init__()
        self.is_pure = is_pure
        self.is_private = is_private
        self.name: str | None = None
        self.params: list[Var] = []
        self.param_vars: set[E.Var] = set()
        """The symbolic variables the parameters define (kept in the derived result)."""
        self.attrs: dict[str, Any] = {}
        self.ret_struct_info: StructInfo | None = None
        self.output: Expr | None = None
        self.sym_vars: dict[str, E.Var] = {}
        """Symbolic dimensions spelled as strings (``R.Tensor(("n", 4))``), one per name."""
        self.allow_string_dims = True
        """Whether string dimensions may be written (TVM: only in the signature)."""
        self.check_well_formed = True
        """Whether to make TVM's well-formedness checks (``check_well_formed=False`` turns off
        the annotation, purity, symbolic-variable and ``R.call_tir`` checks, as in TVM)."""
        self.impure_calls: list[Call] = []
        """Impure calls made in the body (checked against purity when the function ends)."""
        self.checked_calls: set[int] = set()
        """Calls the parser already checked against their callee (by ``id``)."""
        self.result: Any = None
        self._names: dict[str, int] = {}

    def fresh_name(self, prefix: str) -> str:
        """``prefix``, then ``prefix1``, ``prefix2``, ... (TVM's name supply)."""
        count = self._names.get(prefix, 0)
        self._names[prefix] = count + 1
        return prefix if count == 0 else f"{prefix}{count}"

    def finalize(self, builder: IRBuilder) -> None:
        from tvmscript.script.ir_builder.relax.func import finish_function

        finish_function(self, builder)


class BlockFrame(RelaxFrame):
    """``with R.dataflow():``: pure bindings whose variables are local unless output."""

    def __init__(self) -> None:
        super().__init__()
        self.bindings: list[Binding] = []
        self.output_vars: list[Var] = []
        self.ended = False
        """Whether ``R.output`` was called (no binding may follow)."""
        self.has_output = False

    def __enter__(self) -> Any:
        builder = IRBuilder.current()
        parent = builder.last_frame()
        if isinstance(parent, BlockFrame):
            raise RelaxError("nested-dataflow", "dataflow blocks cannot be nested")
        if not isinstance(parent, SeqExprFrame):
            raise BuilderError("R.dataflow() must be inside an R.function (or an if branch)")
        parent.flush()
        return super().__enter__()

    def finalize(self, builder: IRBuilder) -> None:
        from tvmscript.core.relax.analysis import replace_vars

        parent = builder.last_frame()
        assert isinstance(parent, SeqExprFrame)
        mapping: dict[DataflowVar, Var] = {}
        outputs: list[Var] = []
        for dv in self.output_vars:
            var = Var(dv.name_hint, struct_info=dv.struct_info, span=dv.span)
            mapping[dv] = var  # type: ignore[index]
            outputs.append(var)
        bindings = tuple(replace_vars(b, mapping) for b in self.bindings)  # type: ignore[arg-type]
        self.output_vars = outputs
        func = builder.find_frame(FunctionFrame)
        if func is not None and func.output is not None:  # `return y` inside the block
            func.output = replace_vars(func.output, mapping)  # type: ignore[arg-type]
        if bindings:
            parent.blocks.append(DataflowBlock(bindings, span=self.span))


class IfFrame(RelaxFrame):
    """``R.If(cond)``: the two branches, then one binding of the ``if`` to a variable."""

    def __init__(self, condition: Expr) -> None:
        super().__init__()
        self.condition = condition
        self.then_expr: Expr | None = None
        self.else_expr: Expr | None = None
        self.var_name: str | None = None
        self.var: Var | None = None
        self.value: If | None = None

    def __enter__(self) -> Any:
        builder = IRBuilder.current()
        if builder.find_frame(BlockFrame) is not None:
            raise RelaxError("if-in-dataflow", "an 'if' cannot be inside a dataflow block")
        if builder.find_frame(FunctionFrame) is None:
            raise BuilderError("R.If must be inside an R.function")
        return super().__enter__()

    def finalize(self, builder: IRBuilder) -> None:
        from tvmscript.script.ir_builder.relax.control import finish_if

        finish_if(self, builder)


class BranchFrame(SeqExprFrame):
    """``R.Then()`` / ``R.Else()``: one branch of the innermost `IfFrame`."""

    kind = "then"

    def __enter__(self) -> Any:
        parent = IRBuilder.current().last_frame()
        if not isinstance(parent, IfFrame):
            raise BuilderError(f"R.{self.kind.title()}() must be directly inside R.If(...)")
        if self.kind == "else" and parent.then_expr is None:
            raise BuilderError("R.Else() must follow R.Then()")
        return super().__enter__()

    def finalize(self, builder: IRBuilder) -> None:
        from tvmscript.script.ir_builder.relax.control import finish_branch

        finish_branch(self, builder)


class ThenFrame(BranchFrame):
    """``R.Then()``."""

    kind = "then"


class ElseFrame(BranchFrame):
    """``R.Else()``."""

    kind = "else"


def current_span() -> Span | None:
    """The span of the statement being built (None outside a builder)."""
    return IRBuilder.current().span if IRBuilder.is_in_scope() else None


def function_frame(what: str) -> FunctionFrame:
    """The innermost `FunctionFrame`; ``what`` names the caller in the error."""
    frame = IRBuilder.current().find_frame(FunctionFrame)
    if frame is None:
        raise BuilderError(f"{what} must be inside an R.function")
    return frame  # type: ignore[no-any-return]


def enclosing_function() -> FunctionFrame | None:
    """The innermost `FunctionFrame`, or None (also outside any builder)."""
    if not IRBuilder.is_in_scope():
        return None
    frame: FunctionFrame | None = IRBuilder.current().find_frame(FunctionFrame)
    return frame


def seq_frames() -> list[SeqExprFrame]:
    """Every `SeqExprFrame` on the stack, outermost first."""
    if not IRBuilder.is_in_scope():
        return []
    return [f for f in IRBuilder.current().frames if isinstance(f, SeqExprFrame)]


def checks_well_formed() -> bool:
    """Whether the innermost function makes TVM's well-formedness checks."""
    frame = enclosing_function()
    return frame is None or frame.check_well_formed


def is_defined(var: E.Var) -> bool:
    """Whether symbolic variable ``var`` is defined in the current scope."""
    return any(var in frame.defined_vars for frame in seq_frames())
