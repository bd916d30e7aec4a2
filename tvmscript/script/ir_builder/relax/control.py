"""Dataflow blocks and ``if``/``else`` (``R.dataflow``, ``R.If``, ``R.Then``, ``R.Else``).

Each branch of an ``if`` is a sequence of bindings whose last one gives the branch's value and
the name the ``if`` is bound to; both branches must end by binding the same name. As in TVM,
a last binding ``y = z`` of a variable is dropped (the branch's value is ``z``), any other
last variable is renamed ``y_then`` / ``y_else``, and the ``if`` is bound to ``y`` with the
least upper bound of the branches' struct info (symbolic dimensions defined inside a branch
erased).
"""

from __future__ import annotations

from tvmscript.core.relax import analysis as A
from tvmscript.core.relax import expr as X
from tvmscript.core.relax.expr import (
    Binding,
    BindingBlock,
    Expr,
    MatchCast,
    SeqExpr,
    Var,
    VarBinding,
)
from tvmscript.core.relax.op._common import to_expr
from tvmscript.core.relax.struct_info import ObjectStructInfo
from tvmscript.script.ir_builder.base import IRBuilder
from tvmscript.script.ir_builder.relax.emit import add_binding, new_var, normalize
from tvmscript.script.ir_builder.relax.frames import (
    BlockFrame,
    BranchFrame,
    ElseFrame,
    IfFrame,
    RelaxError,
    ThenFrame,
    is_defined,
)


def dataflow() -> BlockFrame:
    """``with R.dataflow():``: a block of pure bindings (see `R.output`)."""
    return BlockFrame()


def If(condition: Expr) -> IfFrame:
    """``R.If(cond)``: then ``R.Then()`` and ``R.Else()`` inside it."""
    if isinstance(condition, bool | int):
        condition = to_expr(bool(condition))
    if not isinstance(condition, Expr):
        raise TypeError(f"an if condition must be a Relax value, got {type(condition).__name__!r}")
    return IfFrame(condition)


def Then() -> ThenFrame:
    """The branch taken when the condition holds."""
    return ThenFrame()


def Else() -> ElseFrame:
    """The branch taken otherwise."""
    return ElseFrame()


def finish_branch(frame: BranchFrame, builder: IRBuilder) -> None:
    """Turn a branch into a `SeqExpr` for its `IfFrame`."""
    parent = builder.last_frame()
    assert isinstance(parent, IfFrame)
    kind = "R.Then" if isinstance(frame, ThenFrame) else "R.Else"
    last = frame.last_binding()
    if last is None:
        raise RelaxError("empty-branch", f"the body of '{kind}' binds nothing", frame.span)
    blocks = list(frame.take_blocks())
    body, blocks = _branch_value(last, blocks, frame.kind)
    info = A.erase_to_well_defined(body.struct_info or ObjectStructInfo(), defined=is_defined)
    seq = SeqExpr(tuple(blocks), body, struct_info=info, span=frame.span)
    name = last.var.name_hint
    if isinstance(frame, ThenFrame):
        parent.then_expr = seq
        parent.var_name = name
        return
    if parent.var_name != name:
        raise RelaxError(
            "if-branch-mismatch",
            "both branches of an 'if' must end by binding the same variable: the then "
            f"branch binds '{parent.var_name}', the else branch '{name}'",
            parent.span,
        )
    parent.else_expr = seq


def _branch_value(
    last: Binding, blocks: list[BindingBlock], kind: str
) -> tuple[Expr, list[BindingBlock]]:
    """The branch's value, with its last binding dropped (``y = z``) or renamed."""
    *init, block = blocks
    rest = block.bindings[:-1]
    if isinstance(last, VarBinding) and isinstance(last.value, Var):
        value: Expr = last.value
        new_last: Binding | None = None
    else:
        renamed = Var(f"{last.var.name_hint}_{kind}", struct_info=last.var.struct_info)
        object.__setattr__(renamed, "span", last.var.span)
        if isinstance(last, MatchCast):
            new_last = MatchCast(renamed, last.value, last.struct_info, span=last.span)
        else:
            assert isinstance(last, VarBinding)
            new_last = VarBinding(renamed, last.value, span=last.span)
        value = renamed
    bindings = rest + ((new_last,) if new_last is not None else ())
    out = list(init)
    if bindings:
        out.append(type(block)(bindings, span=block.span))
    return value, out


def finish_if(frame: IfFrame, builder: IRBuilder) -> None:
    """Bind the finished ``if`` to a variable named after the branches' last bindings."""
    del builder
    if frame.then_expr is None or frame.else_expr is None:
        raise RelaxError("missing-else", "an 'if' in Relax needs both branches", frame.span)
    then_info = frame.then_expr.struct_info or ObjectStructInfo()
    else_info = frame.else_expr.struct_info or ObjectStructInfo()
    info = A.struct_info_lca(then_info, else_info)
    value = X.If(
        frame.condition, frame.then_expr, frame.else_expr, struct_info=info, span=frame.span
    )
    normalized = normalize(value)
    var = new_var(info)
    IRBuilder.name(frame.var_name or var.name_hint, var)
    add_binding(VarBinding(var, normalized, span=frame.span))
    frame.value = normalized  # type: ignore[assignment]
    frame.var = var
