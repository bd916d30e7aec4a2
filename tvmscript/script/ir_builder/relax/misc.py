"""Other builder-level names of TVM's ``R``.

IR constructors with TVM's signatures, ``R.match_cast``, ``R.to_vdevice`` with vdevice strings,
and the TE entry points this project has no TE for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.span import Span
from tvmscript.core.relax import expr as X
from tvmscript.core.relax.struct_info import ShapeStructInfo, StructInfo
from tvmscript.script.ir_builder.relax.emit import literal_struct_info, tuple_item_struct_info
from tvmscript.script.ir_builder.relax.frames import SeqExprFrame, current_span
from tvmscript.script.ir_builder.relax.sinfo import as_struct_info, vdevice


@dataclass(frozen=True, slots=True)
class MatchCastPair:
    """``R.match_cast(value, ty)``: bound by an assignment, it becomes a `MatchCast` binding."""

    value: X.Expr
    struct_info: StructInfo


def match_cast(value: X.Expr, ty: StructInfo) -> MatchCastPair:
    """``x = R.match_cast(value, R.Tensor((n, m), "float32"))``: check at run time, define dims."""
    if not isinstance(value, X.Expr):
        raise TypeError(f"R.match_cast expects a Relax expression, got {type(value).__name__!r}")
    return MatchCastPair(value, as_struct_info(ty))


def ExternFunc(
    global_symbol: str, ty: StructInfo | None = None, span: Span | None = None
) -> X.ExternFunc:
    """A function outside the module, called by name."""
    func = X.ExternFunc(global_symbol, span=span or current_span())
    info = ty if ty is not None else literal_struct_info(func)
    assert info is not None
    return func.with_struct_info(info)  # type: ignore[no-any-return]


def ShapeExpr(values: Sequence[Any], span: Span | None = None) -> X.ShapeExpr:
    """A shape value from its dimensions."""
    from tvmscript.script.ir_builder.relax.sinfo import to_dim

    dims = tuple(to_dim(v) for v in values)
    shape = X.ShapeExpr(dims, span=span or current_span())
    return shape.with_struct_info(ShapeStructInfo(dims))  # type: ignore[no-any-return]


def TupleGetItem(tuple_value: X.Expr, index: int, span: Span | None = None) -> X.TupleGetItem:
    """``tuple_value[index]`` (the value must be a tuple)."""
    item = X.TupleGetItem(tuple_value, int(index), span=span or current_span())
    info = tuple_item_struct_info(tuple_value, int(index), item.span)
    return item.with_struct_info(info)  # type: ignore[no-any-return]


def SeqExpr() -> SeqExprFrame:
    """A frame collecting binding blocks (the base of function bodies and branches)."""
    return SeqExprFrame()


def to_vdevice(data: X.Expr, dst_vdevice: str | VDevice) -> X.Call:
    """Copy ``data`` to the virtual device ``dst_vdevice`` (a string of the module's)."""
    from tvmscript.core.relax.op import to_vdevice as make

    return make(data, vdevice(dst_vdevice))


def emit_with_ty(
    op: X.Expr, args: Sequence[X.Expr], ty_args: StructInfo | Sequence[StructInfo] | None = None
) -> X.Call:
    """A call of ``op`` whose result's struct info is given (``ty_args``)."""
    if ty_args is None:
        sinfo: tuple[StructInfo, ...] = ()
    elif isinstance(ty_args, StructInfo):
        sinfo = (ty_args,)
    else:
        sinfo = tuple(as_struct_info(t) for t in ty_args)
    call = X.Call(op, tuple(args), {}, sinfo, span=current_span())
    if sinfo:
        return call.with_struct_info(sinfo[0])  # type: ignore[no-any-return]
    return call


emit_with_type = emit_with_ty


def emit_te(func: Any, *args: Any, **kwargs: Any) -> X.Call:
    """Not available: TVM's tensor expression language is not part of tvmscript."""
    del func, args, kwargs
    raise NotImplementedError(
        "R.emit_te needs TVM's tensor expression language (tvm.te), which tvmscript does not "
        "have; write the PrimFunc in the module and use R.call_tir"
    )


def rewriter(rewriter_mod: Any) -> Any:
    """Not available: TVM's pattern-rewrite rules (``tvm.relax.dpl``) are not in tvmscript."""
    del rewriter_mod
    raise NotImplementedError("R.rewriter needs TVM's dataflow pattern language (tvm.relax.dpl)")


# ---------------------------------------------------------------------------------------------
# Calls taking struct info: bare annotations (``ty_args=(R.Tuple,)``) and the seed's
# ``out_sinfo=`` spelling of TVM 0.27's ``out_ty=`` (DESIGN.md accepts both)

StructInfoArg = StructInfo | Sequence[StructInfo] | Any


def _infos(value: StructInfoArg) -> Any:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [as_struct_info(v) for v in value]
    return as_struct_info(value)


def _out(name: str, out_ty: StructInfoArg, out_sinfo: StructInfoArg) -> Any:
    if out_ty is not None and out_sinfo is not None:
        raise TypeError(f"{name}() got both out_ty and out_sinfo (they are the same argument)")
    out = out_ty if out_ty is not None else out_sinfo
    if out is None:
        raise TypeError(f"{name}() missing 1 required argument: 'out_ty'")
    return _infos(out)


def _callee(name: str, func: Any) -> Any:
    from tvmscript.core.ir.module import GlobalVar

    if isinstance(func, GlobalVar | X.Expr | str):
        return func
    raise TypeError(
        f"{name}() expects the function to call first (cls.f, or a name), "
        f"got {type(func).__name__!r}"
    )


def _args(name: str, args: Any) -> Any:
    if isinstance(args, X.Expr | tuple | list):
        return args
    raise TypeError(f"{name}() expects its arguments as a tuple, got {type(args).__name__!r}")


def call_packed(func: str, *args: Any, ty_args: StructInfoArg = None, **kwargs: Any) -> X.Call:
    """A call of the packed function ``func`` (impure), returning ``ty_args``."""
    from tvmscript.core.relax import op

    return op.call_packed(_callee("call_packed", func), *args, ty_args=_infos(ty_args), **kwargs)


def call_pure_packed(func: Any, *args: Any, ty_args: StructInfoArg) -> X.Call:
    """A call of a packed function declared pure, returning ``ty_args``."""
    from tvmscript.core.relax import op

    func = _callee("call_pure_packed", func)
    return op.call_pure_packed(func, *args, ty_args=_infos(ty_args))


def call_tir(
    gvar: Any, args: Any, out_ty: StructInfoArg = None, *, out_sinfo: StructInfoArg = None
) -> X.Call:
    """``R.call_tir(cls.f, (x, y), out_ty=R.Tensor(...))`` (``out_sinfo=`` also accepted)."""
    from tvmscript.core.relax import op

    out = _out("call_tir", out_ty, out_sinfo)
    return op.call_tir(_callee("call_tir", gvar), _args("call_tir", args), out)


def call_tir_inplace(
    gvar: Any,
    args: Any,
    inplace_indices: int | list[int],
    out_ty: StructInfoArg = None,
    *,
    out_sinfo: StructInfoArg = None,
) -> X.Call:
    """`call_tir` writing its outputs into the arguments ``inplace_indices`` names."""
    from tvmscript.core.relax import op

    out = _out("call_tir_inplace", out_ty, out_sinfo)
    gvar, args = _callee("call_tir_inplace", gvar), _args("call_tir_inplace", args)
    return op.call_tir_inplace(gvar, args, inplace_indices, out)


def call_tir_with_grad(
    gvar: Any,
    args: Any,
    out_ty: StructInfoArg = None,
    te_grad_name: str | None = None,
    te_grad_kwargs: Any = None,
    *,
    out_sinfo: StructInfoArg = None,
) -> X.Call:
    """`call_tir` with the name of the TE function computing its gradient."""
    from tvmscript.core.relax import op

    if te_grad_name is None:
        raise TypeError("call_tir_with_grad() missing 1 required argument: 'te_grad_name'")
    out = _out("call_tir_with_grad", out_ty, out_sinfo)
    gvar, args = _callee("call_tir_with_grad", gvar), _args("call_tir_with_grad", args)
    return op.call_tir_with_grad(gvar, args, out, te_grad_name, te_grad_kwargs)


def call_dps_packed(
    func: Any, args: Any, out_ty: StructInfoArg = None, *, out_sinfo: StructInfoArg = None
) -> X.Call:
    """A call of a packed function in destination-passing style."""
    from tvmscript.core.relax import op

    out = _out("call_dps_packed", out_ty, out_sinfo)
    return op.call_dps_packed(_callee("call_dps_packed", func), _args("call_dps_packed", args), out)
