"""Emitting bindings, and normalising the values bound (TVM's block builder).

A value is normalised before it is bound: its struct info is filled in (inferred through the
operator registry, derived from the callee's signature for calls of functions) and every
sub-expression that is not a leaf (a call nested in a call, a tuple item) is bound first to a
fresh variable, in evaluation order, so the IR is in TVM's normal form. Annotations are
checked against what is inferred: they may be less specific, or more specific where a run-time
check could hold, but must never contradict it (TVM's ``kFailL0``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import Node, replace_fields
from tvmscript.core.ir.op import Op
from tvmscript.core.relax import analysis as A
from tvmscript.core.relax.expr import (
    Binding,
    Call,
    Constant,
    DataflowVar,
    DataTypeImm,
    Expr,
    ExternFunc,
    Function,
    If,
    MatchCast,
    PrimValue,
    SeqExpr,
    ShapeExpr,
    StringImm,
    Tuple,
    TupleGetItem,
    Var,
    VarBinding,
)
from tvmscript.core.relax.op.registry import InferenceError, op_def
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder.base import BuilderError, IRBuilder
from tvmscript.script.ir_builder.relax.frames import (
    BlockFrame,
    IfFrame,
    RelaxError,
    SeqExprFrame,
    checks_well_formed,
    current_span,
    enclosing_function,
    function_frame,
    is_defined,
)

INFER_BY_SINFO_ARGS = "tvm.relax.struct_info.infer_by_sinfo_args"
"""The derivation of an extern function's result: the call's ``sinfo_args``."""


# ---------------------------------------------------------------------------------------------
# Struct info of values


def literal_struct_info(expr: Expr) -> StructInfo | None:
    """The struct info a literal has by construction (None for other expressions)."""
    match expr:
        case Constant(data=data):
            dims = tuple(E.IntImm("int64", int(d)) for d in data.shape)
            return TensorStructInfo(ShapeExpr(dims), expr.dtype)
        case ShapeExpr(values=values):
            return ShapeStructInfo(tuple(values))
        case PrimValue(value=value):
            return PrimStructInfo(value.dtype, value)
        case StringImm() | DataTypeImm():
            return ObjectStructInfo()
        case ExternFunc():
            return FuncStructInfo(None, ObjectStructInfo(), False, INFER_BY_SINFO_ARGS)
        case Function():
            return A.func_struct_info(expr)
    return None


def callee_struct_info(callee: Node) -> StructInfo | None:
    """The struct info of a callee: a module function (by its signature) or an expression."""
    if isinstance(callee, GlobalVar):
        return module_function_struct_info(callee)
    if isinstance(callee, Expr):
        return callee.struct_info or literal_struct_info(callee)
    return None


def module_function_struct_info(gv: GlobalVar) -> FuncStructInfo | None:
    """The struct info of module function ``gv`` (its declared signature); None if unknown."""
    from tvmscript.core.tir.function import PrimFunc

    func = module_function(gv)
    if func is None:  # no module being built: what the GlobalVar carries
        return gv.struct_info if isinstance(gv.struct_info, FuncStructInfo) else None
    if isinstance(func, FuncStructInfo):
        return func
    if isinstance(func, Function):
        return A.func_struct_info(func)
    if isinstance(func, PrimFunc):
        return A.prim_func_struct_info(func)
    return None


def module_function(gv: GlobalVar) -> Node | None:
    """The function (or its declared signature) named by ``gv`` in the module being built."""
    from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

    if not IRBuilder.is_in_scope():
        return None
    module = IRBuilder.current().find_frame(IRModuleFrame)
    if module is None:
        return None
    found: Node | None = module.functions.get(gv) or module.signatures.get(gv)
    return found


def callee_name(callee: Node) -> str:
    """How a callee is named in messages."""
    if isinstance(callee, GlobalVar):
        return f"function '{callee.name_hint}'"
    if isinstance(callee, Var):
        return f"function '{callee.name_hint}'"
    if isinstance(callee, ExternFunc):
        return f"extern function '{callee.global_symbol}'"
    return "the function"


def call_struct_info(call: Call) -> StructInfo:
    """The struct info of ``call`` from its callee and its arguments' struct info.

    Raises `InferenceError` (an operator rejects its arguments) or `A.CallMismatch`.
    """
    if isinstance(call.op, Op):
        definition = op_def(call.op)
        if definition is None:
            message = f"operator '{call.op.name}' is not a Relax operator"
            raise InferenceError(message, "unknown-operator")
        return definition.infer(call)
    callee = callee_struct_info(call.op)
    if callee is None:
        return ObjectStructInfo()
    if not isinstance(callee, FuncStructInfo):
        raise RelaxError(
            "not-callable",
            f"the callee, {callee_name(call.op)}, is not a function: its struct info is "
            f"{A.sinfo_text(callee)}",
            call.span,
        )
    args = [_arg_struct_info(a) for a in call.args]
    return A.derive_call_ret_struct_info(callee, args, call.sinfo_args, callee_name(call.op))


def _arg_struct_info(arg: Expr) -> StructInfo:
    info = struct_info_of(arg)
    return info if info is not None else ObjectStructInfo()


def struct_info_of(expr: Node) -> StructInfo | None:
    """The struct info of a (normalised) expression or callee."""
    if isinstance(expr, GlobalVar):
        return module_function_struct_info(expr)
    if isinstance(expr, Expr):
        return expr.struct_info or literal_struct_info(expr)
    return None


def is_impure_call(call: Call) -> bool:
    """Whether calling ``call.op`` may have a visible side effect."""
    if isinstance(call.op, Op):
        definition = op_def(call.op)
        return definition is not None and not definition.pure
    if isinstance(call.op, ExternFunc):
        return True
    info = callee_struct_info(call.op)
    return isinstance(info, FuncStructInfo) and not info.purity


# ---------------------------------------------------------------------------------------------
# Normalisation


def normalize(expr: Expr) -> Expr:
    """``expr`` in normal form with its struct info (nested non-leaf values are emitted)."""
    match expr:
        case Var():
            if expr.struct_info is None:
                raise RelaxError(
                    "undefined-name", f"variable '{expr.name_hint}' has no struct info", expr.span
                )
            return expr
        case Tuple(fields=fields):
            new_fields = tuple(_normalize_argument(f) for f in fields)
            infos = tuple(_arg_struct_info(f) for f in new_fields)
            return _rebuilt(expr, TupleStructInfo(infos), fields=new_fields)
        case TupleGetItem(tuple_value=value, index=index):
            new_value = _normalize_argument(value)
            info = tuple_item_struct_info(new_value, index, expr.span)
            return _rebuilt(expr, info, tuple_value=new_value)
        case Call():
            return _normalize_call(expr)
        case If(cond=cond):
            new_cond = _normalize_argument(cond)
            return _rebuilt(expr, expr.struct_info or ObjectStructInfo(), cond=new_cond)
        case SeqExpr():
            if expr.struct_info is None:
                expr.with_struct_info(_arg_struct_info(expr.body))
            return expr
        case _:
            found = expr.struct_info or literal_struct_info(expr)
            if found is None:
                raise RelaxError(
                    "invalid-argument",
                    f"cannot bind a {type(expr).__name__} value",
                    expr.span,
                )
            if expr.struct_info is None:
                expr.with_struct_info(found)
            return expr


def _rebuilt(expr: Expr, info: StructInfo, **changes: Any) -> Expr:
    if all(getattr(expr, k) is v for k, v in changes.items()):
        return expr.with_struct_info(info) if expr.struct_info is None else expr
    new: Expr = replace_fields(expr, **changes)
    if new.struct_info is None:
        new = new.with_struct_info(info)
    return new


def _normalize_argument(arg: Node) -> Any:
    """A call argument or tuple field: a leaf or a tuple; anything else is emitted first."""
    if isinstance(arg, GlobalVar | Op):
        return arg
    if not isinstance(arg, Expr):
        raise RelaxError(
            "invalid-argument", f"expected a Relax expression, got '{type(arg).__name__}'"
        )
    if isinstance(arg, Tuple):
        return normalize(arg)
    if A.is_leaf(arg):
        return normalize(arg)
    return emit(arg)


def _normalize_call(call: Call) -> Expr:
    args = tuple(_normalize_argument(a) for a in call.args)
    op = call.op
    if isinstance(op, Expr) and not A.is_leaf(op):
        op = _normalize_argument(op)
    if all(a is b for a, b in zip(args, call.args, strict=True)) and op is call.op:
        new = call
    else:
        new = replace_fields(call, args=args, op=op)
    if new.struct_info is None:
        try:
            info = call_struct_info(new)
        except A.CallMismatch as exc:
            raise RelaxError(exc.code, str(exc), call.span) from None
        except InferenceError as exc:
            raise RelaxError(exc.code, str(exc), call.span) from None
        new = new.with_struct_info(info)
    return new


def tuple_item_struct_info(value: Node, index: int, span: Any = None) -> StructInfo:
    """The struct info of ``value[index]`` (an error unless ``value`` is a tuple)."""
    info = struct_info_of(value)
    if not isinstance(info, TupleStructInfo):
        what = A.sinfo_text(info) if info is not None else "unknown"
        raise RelaxError(
            "not-a-tuple",
            f"only tuples can be indexed; {_value_name(value)} is {what}",
            span,
        )
    if not -len(info.fields) <= index < len(info.fields):
        raise RelaxError(
            "tuple-index-out-of-range",
            f"index {index} is out of range for {_value_name(value)}, a tuple of "
            f"{len(info.fields)} element{'' if len(info.fields) == 1 else 's'}",
            span,
        )
    return info.fields[index]


def _value_name(value: Node) -> str:
    if isinstance(value, Var):
        return f"'{value.name_hint}'"
    return "the value"


# ---------------------------------------------------------------------------------------------
# Emitting


def _in_dataflow() -> BlockFrame | None:
    frame = IRBuilder.current().last_frame()
    return frame if isinstance(frame, BlockFrame) else None


def new_var(info: StructInfo) -> Var:
    """A fresh variable for a binding made now (a DataflowVar inside a dataflow block)."""
    func = function_frame("a binding")
    if _in_dataflow() is not None:
        return DataflowVar(func.fresh_name("lv"), struct_info=info, span=current_span())
    return Var(func.fresh_name("gv"), struct_info=info, span=current_span())


def add_binding(binding: Binding) -> None:
    """Append ``binding`` to the innermost block (the open one, or the dataflow block)."""
    frame = IRBuilder.current().last_frame()
    if isinstance(frame, BlockFrame):
        if frame.ended:
            raise RelaxError(
                "binding-after-output",
                "no binding may follow R.output(...) in a dataflow block",
                binding.span,
            )
        frame.bindings.append(binding)
        return
    if isinstance(frame, SeqExprFrame):
        frame.pending.append(binding)
        return
    if isinstance(frame, IfFrame):
        raise BuilderError("a binding inside R.If must be in R.Then() or R.Else()")
    raise BuilderError("bindings must be inside an R.function")


def _check_call_purity(value: Expr) -> None:
    if not isinstance(value, Call) or not is_impure_call(value):
        return
    if _in_dataflow() is not None:
        raise RelaxError(
            "impure-call-in-dataflow",
            f"the impure call of {call_text(value)} cannot be inside a dataflow block "
            "(dataflow blocks contain pure bindings only)",
            value.span,
        )
    function_frame("a call").impure_calls.append(value)


def call_text(call: Call) -> str:
    """How a call's callee is named in messages (``R.print``, ``function 'f'``)."""
    if isinstance(call.op, Op):
        definition = op_def(call.op)
        return "R." + definition.script_name if definition is not None else call.op.name
    return callee_name(call.op)


def _check_defined(info: StructInfo, span: Any, defines: Sequence[E.Var] = ()) -> None:
    for var in A.collect_tir_vars(info):
        if var in defines or is_defined(var):
            continue
        raise RelaxError(
            "undefined-symbolic-var",
            f"symbolic variable '{var.name}' is not defined here: it must appear in a "
            "parameter's annotation or be bound by R.match_cast first",
            span,
        )


def _check_validated(value: Expr) -> None:
    if not isinstance(value, Call) or not checks_well_formed():
        return
    func = enclosing_function()
    if func is not None and id(value) in func.checked_calls:
        return
    from tvmscript.script.ir_builder.relax.calls import check_call_against_callee

    problem = check_call_against_callee(value)
    if problem is not None:
        raise RelaxError(problem.code, problem.message, value.span)


def emit(value: Expr, annotate_ty: StructInfo | None = None) -> Var:
    """Bind ``value`` to a fresh variable (its struct info, or the annotation's)."""
    if not isinstance(value, Expr):
        raise TypeError(f"R.emit expects a Relax expression, got {type(value).__name__!r}")
    span = value_span(value)
    normalized = normalize(value)
    _check_validated(normalized)
    info = normalized.struct_info
    assert info is not None
    if annotate_ty is not None:
        keeps_own = _keeps_own_struct_info(value)
        if keeps_own or checks_well_formed():  # TVM: a parse error / a well-formedness one
            check_annotation(annotate_ty, info, span)
        if not keeps_own:
            info = annotate_ty
    if checks_well_formed():
        _check_defined(info, span)
        _check_call_purity(normalized)
    var = new_var(info)
    add_binding(VarBinding(var, normalized, span=current_span() or span))
    return var


def value_span(value: Expr) -> Any:
    """Where a bound value is written: its own span, or the statement's for a variable."""
    if isinstance(value, Var) or value.span is None:
        return current_span()
    return value.span


def _keeps_own_struct_info(value: Expr) -> bool:
    """Whether a bound value's own struct info wins over an annotation (as in TVM).

    TVM builds calls without struct info and gives them the annotation; leaves, tuples and
    tuple items have struct info from construction, and an annotation is only checked.
    """
    return not isinstance(value, Call | If | SeqExpr)


def check_annotation(annotation: StructInfo, inferred: StructInfo, span: Any) -> None:
    """An annotation must not contradict what is inferred (TVM's ``kFailL0``)."""
    check = A.base_check(annotation, inferred)
    if check == A.BaseCheck.FAIL_L1 and checks_well_formed():
        # TVM 0.27's well-formed check: "All information in Type annotations must be correct".
        raise RelaxError(
            "annotation-not-implied",
            f"the annotation {A.sinfo_text(annotation)} claims more than the value's struct "
            f"info, {A.sinfo_text(inferred)} (TVM 0.27 rejects the function as not "
            "well-formed; check_well_formed=False allows it)",
            span,
        )
    if check != A.BaseCheck.FAIL_L0:
        return
    raise RelaxError(
        "annotation-mismatch",
        f"the annotation {A.sinfo_text(annotation)} contradicts the struct info of the value, "
        f"{A.sinfo_text(inferred)}",
        span,
    )


def emit_match_cast(value: Expr, ty: StructInfo) -> Var:
    """Bind ``value`` checked at run time against ``ty`` (whose bare dimensions it defines)."""
    if not isinstance(value, Expr):
        raise TypeError(f"R.match_cast expects a Relax expression, got {type(value).__name__!r}")
    if not isinstance(ty, StructInfo):
        raise TypeError(f"R.match_cast expects a struct info, got {type(ty).__name__!r}")
    span = current_span() or value_span(value)
    normalized = _normalize_argument(value)
    info = _arg_struct_info(normalized)
    if A.base_check(ty, info) == A.BaseCheck.FAIL_L0:
        raise RelaxError(
            "impossible-match-cast",
            f"a value of struct info {A.sinfo_text(info)} can never match {A.sinfo_text(ty)}",
            span,
        )
    defines = [v for v in A.definable_tir_vars(ty) if not is_defined(v)]
    if checks_well_formed():
        _check_defined(ty, span, defines)
    _innermost_seq().defined_vars.update(defines)
    var = new_var(ty)
    add_binding(MatchCast(var, normalized, ty, span=span))
    return var


def _innermost_seq() -> SeqExprFrame:
    for frame in reversed(IRBuilder.current().frames):
        if isinstance(frame, SeqExprFrame):
            return frame
    raise BuilderError("bindings must be inside an R.function")


def emit_var_binding(value: VarBinding) -> Var:
    """Add an already made `VarBinding` (its variable is used as it is)."""
    if not isinstance(value, VarBinding):
        raise TypeError(f"expected a VarBinding, got {type(value).__name__!r}")
    normalized = normalize(value.value)
    var = value.var
    if var.struct_info is None:
        object.__setattr__(var, "struct_info", normalized.struct_info)
    binding = value if normalized is value.value else VarBinding(var, normalized, span=value.span)
    _check_call_purity(normalized)
    add_binding(binding)
    return var


def output(*vars: Var) -> None:
    """Make dataflow variables of the current block visible after it (ends the block)."""
    frame = IRBuilder.current().last_frame()
    if not isinstance(frame, BlockFrame):
        raise RelaxError("output-outside-dataflow", "R.output(...) must be inside a dataflow block")
    if frame.ended:
        raise RelaxError("binding-after-output", "R.output(...) is given twice in this block")
    emitted = {id(b.var) for b in frame.bindings}
    for var in vars:
        if not isinstance(var, Var):
            raise RelaxError(
                "invalid-output",
                f"R.output takes variables of the block, got {type(var).__name__!r}",
            )
        if id(var) not in emitted:
            raise RelaxError(
                "invalid-output",
                f"R.output({var.name_hint}): '{var.name_hint}' is not defined in this dataflow "
                "block; R.output lists variables bound in the block",
            )
        if not any(v is var for v in frame.output_vars):
            frame.output_vars.append(var)
    frame.ended = True
    frame.has_output = True
