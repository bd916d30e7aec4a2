"""``R.function`` and the statements that describe the function itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tvmscript.core.relax import analysis as A
from tvmscript.core.relax.expr import Expr, Function, SeqExpr, Tuple, Var
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.script.ir_builder.base import BuilderError, IRBuilder
from tvmscript.script.ir_builder.relax.emit import call_text, emit, normalize
from tvmscript.script.ir_builder.relax.frames import (
    FunctionFrame,
    RelaxError,
    current_span,
    function_frame,
)

FORCE_PURE = "relax.force_pure"
"""The function attribute that declares a function pure whatever its body calls."""


def function(is_pure: bool = True, is_private: bool = False) -> FunctionFrame:
    """Start a Relax function (``pure=False``: side effects allowed; ``private``: no symbol)."""
    return FunctionFrame(bool(is_pure), bool(is_private))


def arg(name: str, ty: StructInfo) -> Var:
    """Add a parameter named ``name`` of struct info ``ty`` (its bare dimensions are defined)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a parameter name string, got {name!r}")
    if not isinstance(ty, StructInfo):
        raise TypeError(f"expected the struct info of parameter '{name}', got {ty!r}")
    frame = function_frame("R.arg")
    var = Var(name, struct_info=ty, span=current_span())
    frame.params.append(var)
    defined = A.definable_tir_vars(ty)
    frame.defined_vars.update(defined)
    frame.param_vars.update(defined)
    return var


def func_name(name: str) -> None:
    """Name the current function (its ``global_symbol`` in a module, unless private)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a function name string, got {name!r}")
    function_frame("R.func_name").name = name


def func_attr(attrs: Mapping[str, Any]) -> None:
    """Add attributes to the current function (merged with earlier ones)."""
    if not isinstance(attrs, Mapping):
        raise TypeError(f"expected a dict of function attributes, got {type(attrs).__name__!r}")
    function_frame("R.func_attr").attrs.update(attrs)


def func_ret_struct_info(ret_ty: StructInfo) -> None:
    """Declare the struct info of the current function's result (``-> R.Tensor(...)``)."""
    if not isinstance(ret_ty, StructInfo):
        raise TypeError(f"expected a struct info for the result, got {ret_ty!r}")
    frame = function_frame("R.func_ret_ty")
    if frame.ret_struct_info is not None:
        raise ValueError("the result's struct info is declared twice")
    for var in A.collect_tir_vars(ret_ty):
        if var not in frame.param_vars:
            raise RelaxError(
                "undefined-symbolic-var",
                f"symbolic variable '{var.name}' of the result is not defined by a parameter",
            )
    frame.ret_struct_info = ret_ty


func_ret_ty = func_ret_struct_info
func_ret_type = func_ret_struct_info


def func_ret_value(value: Expr) -> None:
    """Set the value the current function returns (non-leaf values are bound first)."""
    frame = function_frame("R.func_ret_value")
    if frame.output is not None:
        raise RelaxError("duplicate-return", "the function returns twice")
    if isinstance(value, tuple | list):
        from tvmscript.core.relax.op._common import to_expr

        value = to_expr(list(value))
    if not isinstance(value, Expr):
        raise TypeError(f"a Relax function returns a Relax value, got {type(value).__name__!r}")
    if isinstance(value, Tuple) or A.is_leaf(value):
        frame.output = normalize(value)
    else:
        frame.output = emit(value)


def finish_function(frame: FunctionFrame, builder: IRBuilder) -> None:
    """Build the `Function` of ``frame`` for its module, enclosing function or builder."""
    if frame.output is None:
        raise RelaxError("missing-return", "an R.function must end with 'return <value>'")
    output = frame.output
    body_info = output.struct_info
    assert body_info is not None
    params = frame.param_vars
    ret = frame.ret_struct_info
    if ret is None:
        ret = A.erase_to_well_defined(body_info, defined=lambda v: v in params)
    _check_purity(frame)
    enclosing = builder.find_frame(FunctionFrame)
    attrs = dict(frame.attrs)
    if enclosing is None and frame.name and not frame.is_private:
        attrs.setdefault("global_symbol", frame.name)
    body = SeqExpr(frame.take_blocks(), output, struct_info=body_info, span=frame.span)
    func = Function(
        tuple(frame.params),
        body,
        ret,
        frame.is_pure,
        attrs,
        frame.is_private,
        span=frame.span,
    )
    func.with_struct_info(A.func_struct_info(func))
    frame.result = func
    if enclosing is not None:
        return  # a closure: the enclosing function binds it
    from tvmscript.script.ir_builder.ir.frames import IRModuleFrame

    module = builder.find_frame(IRModuleFrame)
    if module is not None:
        module.add_function(frame.name or "", func)
    elif builder.frames:
        raise BuilderError("an R.function can only be nested in an I.ir_module or R.function")
    else:
        builder.result = func


def _check_purity(frame: FunctionFrame) -> None:
    if not frame.is_pure or not frame.impure_calls or frame.attrs.get(FORCE_PURE):
        return
    if not frame.check_well_formed:
        return
    call = frame.impure_calls[0]
    raise RelaxError(
        "impure-call-in-pure-function",
        f"the function is pure but calls the impure {call_text(call)}; declare it "
        "@R.function(pure=False)",
        call.span,
    )
