"""Calls: ``R.call_tir`` and its variants, packed functions, closures, VM builtins.

Operators the VM runs itself are a table from the operator's name to its lowering
(`_OPERATORS`); ``R.call_tir`` becomes a `CallKernel` whose arguments ``kernel_args`` proved
against the PrimFunc's signature, with its outputs allocated from ``out_ty``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.module import GlobalVar
from tvmscript.core.ir.op import Op
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import (
    PrimStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.runtime.vm.errors import VMCompileError
from tvmscript.runtime.vm.exprs import SExpr
from tvmscript.runtime.vm.kernel_args import ArrayOperand, KernelCallPlan, Operand, ScalarOperand
from tvmscript.runtime.vm.patterns import PatternBuilder, checks_nothing
from tvmscript.runtime.vm.program import (
    Alloc,
    Allocate,
    CallClosure,
    CallDpsPacked,
    CallFunc,
    CallKernel,
    CallPacked,
    Kill,
    MakeClosure,
    Pattern,
)

if TYPE_CHECKING:
    from tvmscript.runtime.vm.lower import FunctionLowering

Lowering = Callable[["FunctionLowering", rx.Call, str], int]


def lower_call(fl: FunctionLowering, call: rx.Call) -> int:
    """The register holding the result of ``call``."""
    op = call.op
    where = f"'{fl.name}'"
    if isinstance(op, Op):
        name = op.name.removeprefix("relax.")
        if (lowering := _OPERATORS.get(name)) is None:
            raise VMCompileError(
                f"R.{name} cannot run in the VM: it has no legalization for these arguments "
                "(a tensor of unknown shape?)",
                call.span,
            )
        return lowering(fl, call, f"R.{name} in {where}")
    if isinstance(op, GlobalVar):
        if op.name_hint in fl.ctx.kernels:
            return _direct_kernel_call(fl, op, call.args, f"'{op.name_hint}' in {where}")
        if op.name_hint in fl.ctx.relax_funcs:
            args = tuple(fl.expr(a) for a in call.args)
            dst = fl.new_reg()
            fl.emit(CallFunc(op.name_hint, args, dst))
            return fl.trusted(dst, call.struct_info)
        raise VMCompileError(f"'{op.name_hint}' is not a function of the module", call.span)
    if isinstance(op, rx.ExternFunc):
        result = call.sinfo_args[0] if call.sinfo_args else None
        return _packed(fl, op.global_symbol, call.args, result, f"'{op.global_symbol}'")
    closure = fl.expr(op)
    args = tuple(fl.expr(a) for a in call.args)
    dst = fl.new_reg()
    fl.emit(CallClosure(closure, args, dst))
    fl.check(dst, call.struct_info, f"the result of a closure call in {where}")
    return dst


# -- helpers ---------------------------------------------------------------------------------


def _fields(fl: FunctionLowering, args: rx.Expr) -> list[int]:
    """The registers of a tuple argument's elements."""
    if isinstance(args, rx.Tuple):
        return [fl.expr(a) for a in args.fields]
    reg = fl.expr(args)
    info = fl.infos.get(reg) or args.struct_info
    if not isinstance(info, TupleStructInfo):
        return [reg]
    return [fl.get_item(reg, i, f) for i, f in enumerate(info.fields)]


def _outputs(info: StructInfo) -> tuple[StructInfo, ...]:
    return info.fields if isinstance(info, TupleStructInfo) else (info,)


def _result_pattern(fl: FunctionLowering, info: StructInfo | None) -> Pattern | None:
    if info is None:
        return None
    [pattern] = PatternBuilder(fl.dims, fl.new_dim_reg).build([info])
    return None if checks_nothing(pattern) else pattern


def array_operand(fl: FunctionLowering, reg: int) -> ArrayOperand:
    """What is known of the array in ``reg``."""
    info = fl.infos.get(reg)
    name = fl.names.get(reg, f"%{reg}")
    if not isinstance(info, TensorStructInfo):
        return ArrayOperand(reg, None, None, name)
    dtype = None if info.is_unknown_dtype else info.dtype
    values = info.shape_values
    dims: tuple[SExpr, ...] | None = None
    if values is not None:
        lowered = [fl.lower_or_none(v) for v in values]
        dims = tuple(d if d is not None else ("shape", reg, k) for k, d in enumerate(lowered))
    elif info.ndim >= 0:
        dims = tuple(("shape", reg, k) for k in range(info.ndim))
    if dims is not None and dtype is not None:
        return ArrayOperand(reg, dtype, dims, name)
    return ArrayOperand(reg, dtype, None if dims is None else dims, name)


def _scalar_operand(fl: FunctionLowering, e: rx.Expr) -> ScalarOperand:
    if isinstance(e, rx.PrimValue):
        return ScalarOperand(fl.lower(e.value, "a scalar argument"), "a scalar")
    reg = fl.expr(e)
    return ScalarOperand(("r", reg), fl.names.get(reg, f"%{reg}"))


def _alloc(
    fl: FunctionLowering, info: StructInfo, dtype: str | None, dims: tuple[SExpr, ...] | None
) -> Alloc:
    """A fresh output of ``info`` (its dtype and dims from the kernel when ``info`` lacks them)."""
    if not isinstance(info, TensorStructInfo):
        raise VMCompileError(f"an output must be a tensor, got {type(info).__name__}")
    if dims is None:
        values = info.shape_values
        if values is None:
            raise VMCompileError("the shape of an output is not known")
        dims = tuple(fl.lower(v, "an output shape") for v in values)
    if dtype is None:
        if info.is_unknown_dtype:
            raise VMCompileError("the dtype of an output is not known")
        dtype = info.dtype
    reg = fl.new_reg()
    fl.infos[reg] = info
    return Alloc(reg, dtype, dims)


def _out_dims(fl: FunctionLowering, info: StructInfo) -> tuple[SExpr, ...] | None:
    if not isinstance(info, TensorStructInfo) or (values := info.shape_values) is None:
        return None
    lowered = [fl.lower_or_none(v) for v in values]
    if any(d is None for d in lowered):
        return None
    return tuple(d for d in lowered if d is not None)


def _result(fl: FunctionLowering, regs: Sequence[int], info: StructInfo | None) -> int:
    if isinstance(info, TupleStructInfo) or len(regs) != 1:
        return fl.make_tuple(tuple(regs), info)
    return regs[0]


# -- R.call_tir and friends ------------------------------------------------------------------


def _kernel(fl: FunctionLowering, callee: rx.Expr, where: str) -> KernelCallPlan:
    if not isinstance(callee, GlobalVar) or (sig := fl.ctx.kernels.get(callee.name_hint)) is None:
        raise VMCompileError(f"{where}: the callee is not a PrimFunc of the module", callee.span)
    return KernelCallPlan(sig, where)


def _call_tir(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    inplace = tuple(call.attrs.get("inplace_indices", ()))
    plan = _kernel(fl, call.args[0], where)
    inputs = _fields(fl, call.args[1])
    out_infos = _outputs(call.sinfo_args[0])
    if inplace and len(inplace) != len(out_infos):
        raise VMCompileError(f"{where}: one in-place index per output is expected", call.span)
    operands: list[Operand] = [array_operand(fl, r) for r in inputs]
    fresh = [i for i in range(len(out_infos)) if not (inplace and inplace[i] >= 0)]
    first = len(operands)
    if first + len(fresh) > len(plan.sig.params):
        raise VMCompileError(f"{where}: too many arguments for '{plan.sig.name}'", call.span)
    unknown: set[int] = set()
    for n, i in enumerate(fresh):
        dims = _out_dims(fl, out_infos[i])
        if dims is None:
            unknown.add(first + n)
        dtype = _out_dtype(out_infos[i], plan, first + n)
        operands.append(ArrayOperand(-1, dtype, dims, f"output {i}"))
    if len(call.args) > 2:
        tir_vars = call.args[2]
        if not isinstance(tir_vars, rx.ShapeExpr):
            raise VMCompileError(f"{where}: tir_vars must be a shape", call.span)
        operands += [ScalarOperand(fl.lower(v, "tir_vars"), "tir_vars") for v in tir_vars.values]
    kernel_dims = plan.unify(operands, frozenset(unknown))
    allocs: list[Alloc] = []
    results = [inputs[k] if inplace and k >= 0 else -1 for k in inplace] or [-1] * len(fresh)
    for n, i in enumerate(fresh):
        k = first + n
        op = operands[k]
        assert isinstance(op, ArrayOperand)
        assert op.dtype is not None
        alloc = _alloc(fl, out_infos[i], op.dtype, kernel_dims.get(k, op.dims))
        allocs.append(alloc)
        results[i] = alloc.reg
        operands[k] = ArrayOperand(alloc.reg, alloc.dtype, alloc.shape, op.name)
    for i, k in enumerate(inplace):
        if k >= 0:
            fl.infos[inputs[k]] = out_infos[i]
    args = plan.native_args(operands)
    fl.emit(CallKernel(plan.sig.name, args, tuple(allocs), tuple(plan.guards)))
    return _result(fl, results, call.sinfo_args[0])


def _out_dtype(info: StructInfo, plan: KernelCallPlan, index: int) -> str:
    if isinstance(info, TensorStructInfo) and not info.is_unknown_dtype:
        return info.dtype
    buf = plan.sig.params[index].buffer
    if buf is None:
        raise VMCompileError(f"{plan.where}: parameter {index} of the PrimFunc is not a buffer")
    return str(buf.dtype)


def _direct_kernel_call(
    fl: FunctionLowering, gv: GlobalVar, args: Sequence[rx.Expr], where: str
) -> int:
    """``cls.prim_func(x, out)``: a PrimFunc called in destination-passing form."""
    plan = KernelCallPlan(fl.ctx.kernels[gv.name_hint], where)
    operands: list[Operand] = []
    for a in args:
        if isinstance(a, rx.ShapeExpr) and a is args[-1]:
            operands += [ScalarOperand(fl.lower(v, "tir_vars"), "tir_vars") for v in a.values]
            continue
        info = a.struct_info
        if isinstance(a, rx.PrimValue) or isinstance(info, PrimStructInfo):
            operands.append(_scalar_operand(fl, a))
        else:
            operands.append(array_operand(fl, fl.expr(a)))
    plan.unify(operands)
    fl.emit(CallKernel(plan.sig.name, plan.native_args(operands), (), tuple(plan.guards)))
    return fl.literal(())


def _call_tir_dyn(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    callee = call.args[0]
    if not isinstance(callee, GlobalVar):
        raise VMCompileError(f"{where}: the callee is not a PrimFunc", call.span)
    args = call.args[1].fields if isinstance(call.args[1], rx.Tuple) else (call.args[1],)
    return _direct_kernel_call(fl, callee, args, where)


def _call_dps_packed(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    callee = call.args[0]
    if isinstance(callee, GlobalVar):
        return _call_tir(fl, call, where)
    if not isinstance(callee, rx.ExternFunc):
        raise VMCompileError(f"{where}: the callee is not a packed function", call.span)
    inputs = _fields(fl, call.args[1])
    allocs = [_alloc(fl, info, None, None) for info in _outputs(call.sinfo_args[0])]
    fl.emit(CallDpsPacked(callee.global_symbol, tuple(inputs), tuple(allocs), -1))
    return _result(fl, [a.reg for a in allocs], call.sinfo_args[0])


# -- packed functions and closures -----------------------------------------------------------


def _packed(
    fl: FunctionLowering,
    name: str,
    args: Sequence[rx.Expr],
    result: StructInfo | None,
    where: str,
) -> int:
    regs = tuple(fl.expr(a) for a in args)
    dst = fl.new_reg()
    pattern = _result_pattern(fl, result)
    fl.emit(CallPacked(name, regs, dst, pattern, f"the result of {where}"))
    return fl.trusted(dst, result)


def _packed_name(callee: rx.Expr, where: str) -> str:
    if isinstance(callee, rx.ExternFunc):
        return callee.global_symbol
    if isinstance(callee, rx.StringImm):
        return callee.value
    raise VMCompileError(f"{where}: the callee is not a packed function", callee.span)


def _call_pure_packed(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    name = _packed_name(call.args[0], where)
    result = call.sinfo_args[0] if len(call.sinfo_args) == 1 else None
    if len(call.sinfo_args) > 1:
        result = TupleStructInfo(tuple(call.sinfo_args))
    return _packed(fl, name, call.args[1:], result, f"'{name}'")


def _call_inplace_packed(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    name = _packed_name(call.args[0], where)
    regs = tuple(fl.expr(a) for a in call.args[1:])
    fl.emit(CallPacked(name, regs, fl.new_reg()))
    indices = tuple(call.attrs.get("inplace_indices", ()))
    outs = [regs[i] for i in indices if i >= 0]
    info = call.sinfo_args[0] if len(call.sinfo_args) == 1 else TupleStructInfo(call.sinfo_args)
    return _result(fl, outs, info if len(outs) > 1 else None)


def _call_builtin_with_ctx(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    name = _packed_name(call.args[0], where)
    args = call.args[1].fields if isinstance(call.args[1], rx.Tuple) else call.args[1:]
    result = call.sinfo_args[0] if call.sinfo_args else None
    return _packed(fl, name, args, result, f"'{name}'")


def _invoke_closure(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    closure = fl.expr(call.args[0])
    args = tuple(_fields(fl, call.args[1]))
    dst = fl.new_reg()
    fl.emit(CallClosure(closure, args, dst))
    result = call.sinfo_args[0] if call.sinfo_args else None
    fl.check(dst, result, f"the result of a closure call in '{fl.name}'")
    return dst


def _make_closure(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    callee = call.args[0]
    if not isinstance(callee, GlobalVar) or callee.name_hint not in fl.ctx.relax_funcs:
        raise VMCompileError(f"{where}: the closure's function is not a Relax function")
    captured = tuple(_fields(fl, call.args[1]))
    dst = fl.new_reg()
    fl.emit(MakeClosure(callee.name_hint, captured, dst))
    return dst


# -- VM builtins -----------------------------------------------------------------------------


def _builtin(name: str, void: bool = False, attrs: tuple[str, ...] = ()) -> Lowering:
    """A lowering calling the registered function ``name`` with the call's arguments.

    The values of the call's attributes ``attrs`` follow the arguments.
    """

    def lower(fl: FunctionLowering, call: rx.Call, where: str) -> int:
        result = None if void else call.struct_info
        regs = [fl.expr(a) for a in call.args]
        regs += [fl.literal(call.attrs[a]) for a in attrs]
        dst = fl.new_reg()
        pattern = _result_pattern(fl, result)
        fl.emit(CallPacked(name, tuple(regs), dst, pattern, f"the result of {where}"))
        if void:
            return fl.literal(())
        return fl.trusted(dst, result)

    return lower


def _identity(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    return fl.expr(call.args[0])


def _null(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    return fl.literal(None)


def _kill(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    fl.emit(Kill(fl.expr(call.args[0])))
    return fl.literal(())


def _alloc_tensor(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    info = call.struct_info
    if not isinstance(info, TensorStructInfo) or info.shape_values is None:
        return _builtin("tvmscript.vm.empty")(fl, call, where)
    alloc = _alloc(fl, info, None, None)
    fl.emit(Allocate(alloc))
    return alloc.reg


def _print(fl: FunctionLowering, call: rx.Call, where: str) -> int:
    return _builtin("relax.run.print", void=True)(fl, call, where)


_OPERATORS: Final[dict[str, Lowering]] = {
    "call_tir": _call_tir,
    "call_tir_with_grad": _call_tir,
    "call_tir_inplace": _call_tir,
    "call_dps_packed": _call_dps_packed,
    "call_pure_packed": _call_pure_packed,
    "call_inplace_packed": _call_inplace_packed,
    "call_builtin_with_ctx": _call_builtin_with_ctx,
    "invoke_closure": _invoke_closure,
    "invoke_pure_closure": _invoke_closure,
    "make_closure": _make_closure,
    "vm.call_tir_dyn": _call_tir_dyn,
    "shape_of": _builtin("vm.builtin.shape_of"),
    "tensor_to_shape": _builtin("vm.builtin.tensor_to_shape"),
    "shape_to_tensor": _builtin("relax.run.shape_to_tensor"),
    "null_value": _null,
    "print": _print,
    "assert_op": _builtin("relax.run.assert_op", void=True),
    "nonzero": _builtin("relax.run.nonzero"),
    "unique": _builtin("relax.run.unique"),
    "multinomial_from_uniform": _builtin("tvmscript.vm.multinomial_from_uniform", attrs=("dtype",)),
    "wrap_param": _builtin("tvmscript.vm.astype", attrs=("dtype",)),
    "hint_on_device": _identity,
    "to_vdevice": _identity,
    "builtin.stop_lift_params": _identity,
    "builtin.alloc_tensor": _alloc_tensor,
    "memory.alloc_storage": _builtin("tvmscript.vm.memory_alloc_storage"),
    "memory.alloc_tensor": _builtin("tvmscript.vm.alloc_tensor"),
    "memory.view": _builtin("tvmscript.vm.view"),
    "memory.ensure_zero_offset": _builtin("tvmscript.vm.ensure_zero_offset"),
    "memory.kill_storage": _kill,
    "memory.kill_tensor": _kill,
    "vm.alloc_storage": _builtin("tvmscript.vm.vm_alloc_storage"),
    "vm.alloc_tensor": _builtin("tvmscript.vm.alloc_tensor"),
    "vm.kill_object": _kill,
}
"""Operators the VM runs itself, by name (after ``relax.``)."""


def itemsize(dtype: str) -> int:
    """Bytes per element of ``dtype``."""
    t = DataType.of(dtype)
    return max(1, (t.bits * t.lanes + 7) // 8)
