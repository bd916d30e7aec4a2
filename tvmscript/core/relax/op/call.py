r"""Calls out of Relax: ``R.call_tir`` and its variants, packed functions, closures.

``R.call_tir(gvar, args, out_ty)`` calls a PrimFunc in destination-passing style: its result
is ``out_ty`` (a tuple when several outputs are given). Packed functions named by a string
become `ExternFunc`\\ s; ``R.call_packed`` is a plain call of that function (not an operator
call), whose result is its first ``ty_args`` (``R.Any`` without one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tvmscript.core.relax.expr import Call, Expr, ExternFunc
from tvmscript.core.relax.op._common import (
    ExprLike,
    arg_info,
    fail,
    int_tuple,
    to_expr,
    to_tuple,
    tuple_expr,
    with_info,
)
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import (
    FuncStructInfo,
    ObjectStructInfo,
    StructInfo,
    TupleStructInfo,
)

OutTy = StructInfo | Sequence[StructInfo]


def _out_info(out_ty: OutTy) -> StructInfo:
    if isinstance(out_ty, StructInfo):
        return out_ty
    fields = tuple(out_ty)
    return fields[0] if len(fields) == 1 else TupleStructInfo(fields)


def _func(func: Expr | str) -> Expr:
    if isinstance(func, str):
        return ExternFunc(func, struct_info=FuncStructInfo(None, ObjectStructInfo(), purity=False))
    return func


def _args_tuple(args: Expr | Sequence[ExprLike]) -> Expr:
    if isinstance(args, Expr) and not isinstance(args.struct_info, TupleStructInfo):
        return tuple_expr([args])
    if isinstance(args, Expr):
        return to_tuple(args)
    return tuple_expr([to_expr(a) for a in args])  # `(3,)`: Python scalars as PrimValues


def _infer_from_sinfo_args(call: Call) -> StructInfo:
    if not call.sinfo_args:
        return ObjectStructInfo()
    if len(call.sinfo_args) == 1:
        return call.sinfo_args[0]
    return TupleStructInfo(tuple(call.sinfo_args))


def _make_dps(
    name: str, func: Expr | str, args: Expr | Sequence[Expr], out_ty: OutTy, **attrs: Any
) -> Call:
    operands = [with_info(_func(func)), _args_tuple(args)]
    return make_call(name, operands, attrs or None, [_out_info(out_ty)])


for _name in (
    "call_tir",
    "call_tir_with_grad",
    "call_dps_packed",
    "call_pure_packed",
    "call_py_func",
    "dist.call_tir_local_view",
):
    register_op(_name, partial=True)(_infer_from_sinfo_args)


@register_op("call_tir_inplace", partial=True)
def _infer_call_tir_inplace(call: Call) -> StructInfo:
    out = _infer_from_sinfo_args(call)
    outputs = out.fields if isinstance(out, TupleStructInfo) else (out,)
    args = arg_info(call, 1)
    inputs = args.fields if isinstance(args, TupleStructInfo) else ()
    for index in call.attrs["inplace_indices"]:
        if index >= len(inputs):
            raise fail(f"R.call_tir_inplace: in-place index {index} names no argument")
    if len(call.attrs["inplace_indices"]) != len(outputs):
        raise fail("R.call_tir_inplace expects one in-place index per output")
    return out


def call_tir(gvar: Expr, args: Expr | Sequence[Expr], out_ty: OutTy) -> Call:
    """A call of the PrimFunc ``gvar`` writing fresh outputs of struct info ``out_ty``."""
    return _make_dps("call_tir", gvar, args, out_ty)


def call_tir_inplace(
    gvar: Expr, args: Expr | Sequence[Expr], inplace_indices: int | list[int], out_ty: OutTy
) -> Call:
    """A call of the PrimFunc ``gvar`` writing its outputs into the arguments it names."""
    attrs = {"inplace_indices": int_tuple(inplace_indices)}
    return _make_dps("call_tir_inplace", gvar, args, out_ty, **attrs)


def call_tir_with_grad(
    gvar: Expr,
    args: Expr | Sequence[Expr],
    out_ty: OutTy,
    te_grad_name: str,
    te_grad_kwargs: Mapping[str, object] | None = None,
) -> Call:
    """`call_tir` with the name (and arguments) of a TE function computing its gradient."""
    attrs = {"te_grad_name": te_grad_name, "te_grad_kwargs": dict(te_grad_kwargs or {})}
    return _make_dps("call_tir_with_grad", gvar, args, out_ty, **attrs)


def call_dps_packed(func: Expr | str, args: Expr | Sequence[Expr], out_ty: OutTy) -> Call:
    """A call of a packed function in destination-passing style."""
    return _make_dps("call_dps_packed", func, args, out_ty)


def call_packed(
    func: Expr | str,
    *args: ExprLike,
    ty_args: OutTy | None = None,
    **kwargs: object,
) -> Call:
    """A call of the packed function ``func`` (impure), returning ``ty_args``."""
    sinfo: tuple[StructInfo, ...]
    if ty_args is None:
        sinfo = ()
    elif isinstance(ty_args, StructInfo):
        sinfo = (ty_args,)
    else:
        sinfo = tuple(ty_args)
    call = Call(_func(func), tuple(to_expr(a) for a in args), dict(kwargs), sinfo)
    return call.with_struct_info(sinfo[0] if sinfo else ObjectStructInfo())  # type: ignore[no-any-return]


def call_pure_packed(func: Expr | str, *args: ExprLike, ty_args: OutTy) -> Call:
    """A call of a packed function declared pure, returning ``ty_args``."""
    operands = [with_info(_func(func)), *(to_expr(a) for a in args)]
    return make_call("call_pure_packed", operands, None, _sinfo_list(ty_args))


def _sinfo_list(ty_args: OutTy | None) -> list[StructInfo]:
    if ty_args is None:
        return []
    return [ty_args] if isinstance(ty_args, StructInfo) else list(ty_args)


register_op("call_builtin_with_ctx", pure=False, partial=True)(_infer_from_sinfo_args)


@register_op("call_inplace_packed", partial=True)
def _infer_call_inplace_packed(call: Call) -> StructInfo:
    return _infer_from_sinfo_args(call)


def call_inplace_packed(
    func: Expr | str, *args: ExprLike, inplace_indices: int | list[int], ty_args: OutTy
) -> Call:
    """A call of a packed function writing its results into the arguments it names."""
    operands = [with_info(_func(func)), *(to_expr(a) for a in args)]
    attrs = {"inplace_indices": int_tuple(inplace_indices)}
    return make_call("call_inplace_packed", operands, attrs, _sinfo_list(ty_args))


def call_builtin_with_ctx(
    func: Expr | str, args: Expr | Sequence[Expr], *, ty_args: OutTy | None = None
) -> Call:
    """A call of a VM builtin that receives the VM context."""
    operands = [with_info(_func(func)), _args_tuple(args)]
    return make_call("call_builtin_with_ctx", operands, None, _sinfo_list(ty_args))


def call_py_func(py_func_name: str, *args: Expr, out_ty: OutTy) -> Call:
    """A call of the Python function ``py_func_name`` of the module, returning ``out_ty``."""
    operands = [to_expr(py_func_name), tuple_expr(list(args))]
    return make_call("call_py_func", operands, None, [_out_info(out_ty)])


def _infer_closure_call(call: Call) -> StructInfo:
    return _infer_from_sinfo_args(call)


register_op("invoke_closure", pure=False, partial=True)(_infer_closure_call)
register_op("invoke_pure_closure", partial=True)(_infer_closure_call)


def invoke_closure(closure: Expr, args: Expr | Sequence[Expr], ty_args: OutTy) -> Call:
    """A call of a closure (impure), returning ``ty_args``."""
    return make_call("invoke_closure", [closure, _args_tuple(args)], None, _sinfo_list(ty_args))


def invoke_pure_closure(closure: Expr, args: Expr | Sequence[Expr], ty_args: OutTy) -> Call:
    """A call of a closure declared pure, returning ``ty_args``."""
    operands = [closure, _args_tuple(args)]
    return make_call("invoke_pure_closure", operands, None, _sinfo_list(ty_args))


@register_op("make_closure", partial=True)
def _infer_make_closure(call: Call) -> StructInfo:
    return ObjectStructInfo()


def make_closure(func: Expr, args: Expr | Sequence[Expr]) -> Call:
    """A closure of ``func`` capturing ``args``."""
    return make_call("make_closure", [with_info(func), _args_tuple(args)])


__all__ = [
    "call_builtin_with_ctx",
    "call_dps_packed",
    "call_inplace_packed",
    "call_packed",
    "call_pure_packed",
    "call_py_func",
    "call_tir",
    "call_tir_inplace",
    "call_tir_with_grad",
    "invoke_closure",
    "invoke_pure_closure",
    "make_closure",
]
