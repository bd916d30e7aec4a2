"""Calls of module functions, and ``R.call_tir`` checked against the PrimFunc it calls.

``R.call_tir(cls.f, (x, y), out_ty)`` passes the inputs and then one fresh tensor per output
to the PrimFunc ``f``: its parameters must be as many, the inputs must fit the input buffers,
and the outputs' struct info must be what the output buffers imply once the buffers' symbolic
dimensions are bound to the inputs' (TVM's ``FValidate`` of ``relax.call_tir``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.node import Node
from tvmscript.core.ir.op import Op
from tvmscript.core.relax import analysis as A
from tvmscript.core.relax.expr import Call, Expr, ShapeExpr, Tuple
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    PrimStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.script.ir_builder.relax.emit import (
    call_struct_info,
    module_function,
    struct_info_of,
)
from tvmscript.script.ir_builder.relax.frames import RelaxError, current_span

_CALL_TIR_OPS: Final = frozenset(
    {"relax.call_tir", "relax.call_tir_inplace", "relax.call_tir_with_grad"}
)


@dataclass(frozen=True, slots=True)
class CallProblem:
    """Why a call does not fit its callee.

    ``part`` says where: ``"call"``, ``"args"``, ``"arg"`` (with ``index``) or ``"out"``.
    """

    code: str
    message: str
    part: str = "call"
    index: int | None = None


def call_function(callee: Node, args: Sequence[Any]) -> Call:
    """``callee(*args)``: a call of a module function, a closure or a function parameter."""
    call = Call(callee, tuple(_as_argument(a) for a in args), span=current_span())
    try:
        info = call_struct_info(call)
    except A.CallMismatch as exc:
        raise RelaxError(exc.code, str(exc)) from None
    return call.with_struct_info(info)  # type: ignore[no-any-return]


def _as_argument(value: Any) -> Any:
    """A call argument: a Relax value, a module function, or a Python value made one."""
    from tvmscript.core.relax.op._common import to_expr

    if isinstance(value, Expr | GlobalVar):
        return value
    return to_expr(value)


def is_call_tir(call: Call) -> bool:
    """Whether ``call`` is ``R.call_tir`` or one of its variants."""
    return isinstance(call.op, Op) and call.op.name in _CALL_TIR_OPS


def check_call_against_callee(call: Call) -> CallProblem | None:
    """The first way ``call`` does not fit its callee (None when it fits or is unknown)."""
    if not is_call_tir(call) or not call.args or not isinstance(call.args[0], GlobalVar):
        return None
    from tvmscript.core.tir.function import PrimFunc

    func = module_function(call.args[0])
    if not isinstance(func, PrimFunc):
        return None
    return check_call_tir(call, func)


def check_call_tir(call: Call, func: Any) -> CallProblem | None:
    """How ``call`` (an ``R.call_tir``) does not fit PrimFunc ``func``, if it does not."""
    gv = call.args[0]
    name = str(getattr(gv, "name_hint", "the PrimFunc"))
    inputs = _input_infos(call)
    outputs = _output_infos(call)
    tir_vars = _tir_var_values(call)
    if inputs is None or outputs is None:
        return None
    inplace = call.op.name == "relax.call_tir_inplace"  # type: ignore[attr-defined]
    if inplace:  # outputs written into inputs take no parameter of their own
        indices = call.attrs.get("inplace_indices", ())
        outputs = [o for o, i in zip(outputs, indices, strict=False) if int(i) == -1]
    params = A.prim_func_struct_info(func).params or ()
    expected = len(inputs) + len(outputs) + len(tir_vars)
    if len(params) != expected:
        return CallProblem(
            "call-tir-arity",
            f"PrimFunc '{name}' takes {len(params)} buffer{_s(len(params))}, but R.call_tir "
            f"passes {len(inputs)} input{_s(len(inputs))} and {len(outputs)} "
            f"output{_s(len(outputs))}"
            + (f" and {len(tir_vars)} symbolic value{_s(len(tir_vars))}" if tir_vars else ""),
            "args",
        )
    var_map: dict[E.Var, E.PrimExpr] = {}
    for i, (param, arg) in enumerate(zip(params, inputs, strict=False)):
        if A.match_struct_info(param, arg, var_map) == A.BaseCheck.FAIL_L0:
            return CallProblem(
                "call-tir-argument-mismatch",
                f"argument {i} of R.call_tir does not fit buffer {i} of PrimFunc '{name}': "
                f"expected {A.sinfo_text(A.erase_to_well_defined(param, var_map))}, "
                f"got {A.sinfo_text(arg)}",
                "arg",
                i,
            )
    for param, value in zip(params[len(inputs) + len(outputs) :], tir_vars, strict=False):
        A.match_struct_info(param, PrimStructInfo(value.dtype, value), var_map)
    if inplace:
        return None
    return _check_outputs(name, params[len(inputs) :], outputs, var_map, call)


def _check_outputs(
    name: str,
    out_params: Sequence[StructInfo],
    outputs: Sequence[StructInfo],
    var_map: dict[E.Var, E.PrimExpr],
    call: Call,
) -> CallProblem | None:
    implied: list[StructInfo] = []
    for param in out_params[: len(outputs)]:
        if any(v not in var_map for v in A.collect_tir_vars(param)):
            return None  # an output dimension the inputs do not determine: nothing to check
        implied.append(A.erase_to_well_defined(param, var_map))
    want = implied[0] if len(implied) == 1 else TupleStructInfo(tuple(implied))
    have = call.sinfo_args[0] if call.sinfo_args else ObjectStructInfo()
    if A.is_base_of(want, have) or _fits_each(implied, outputs):
        return None
    return CallProblem(
        "call-tir-output-mismatch",
        f"the out_ty of R.call_tir, {A.sinfo_text(have)}, disagrees with PrimFunc '{name}', "
        f"whose output buffer{_s(len(implied))} give{'s' if len(implied) == 1 else ''} "
        f"{A.sinfo_text(want)}",
        "out",
    )


def _fits_each(implied: Sequence[StructInfo], outputs: Sequence[StructInfo]) -> bool:
    return len(implied) == len(outputs) and all(
        A.is_base_of(w, h) for w, h in zip(implied, outputs, strict=True)
    )


def _input_infos(call: Call) -> list[StructInfo] | None:
    if len(call.args) < 2:
        return None
    args = call.args[1]
    if isinstance(args, Tuple):
        infos = [struct_info_of(f) for f in args.fields]
        return None if any(i is None for i in infos) else infos  # type: ignore[return-value]
    info = struct_info_of(args)
    if isinstance(info, TupleStructInfo):
        return list(info.fields)
    if isinstance(info, TensorStructInfo):
        return [info]
    return None


def _output_infos(call: Call) -> list[StructInfo] | None:
    if not call.sinfo_args:
        return None
    out = call.sinfo_args[0]
    if isinstance(out, TupleStructInfo):
        return list(out.fields)
    return [out]


def _tir_var_values(call: Call) -> list[E.PrimExpr]:
    if len(call.args) < 3:
        return []
    extra: Expr | Node = call.args[2]
    if isinstance(extra, ShapeExpr):
        return list(extra.values)
    return []


def _s(n: int) -> str:
    return "" if n == 1 else "s"
