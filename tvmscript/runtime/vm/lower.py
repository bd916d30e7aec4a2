"""Relax functions to `FunctionCode`: one register per variable, one instruction per binding.

The walk happens once, at compile time. Each register remembers the struct info its value
is known to have (`FunctionLowering.infos`); a value whose struct info is only claimed (the
result of a packed function or a closure, a stricter annotation) gets a `Match` check, so
every kernel call can be proven against its signature (``kernel_args``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tvmscript.codegen.llvm.module import KernelSignature
from tvmscript.core.ir.module import GlobalVar, IRModule
from tvmscript.core.ir.node import Node, node_fields
from tvmscript.core.ir.op import Op
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.analysis import BaseCheck, base_check
from tvmscript.core.relax.struct_info import (
    ObjectStructInfo,
    StructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.function import PrimFunc
from tvmscript.runtime.vm.errors import VMCompileError
from tvmscript.runtime.vm.exprs import SExpr, Unbound, lower_expr
from tvmscript.runtime.vm.patterns import PatternBuilder, checks_nothing
from tvmscript.runtime.vm.plan import plan_memory
from tvmscript.runtime.vm.program import (
    FunctionCode,
    GetItem,
    If,
    Instr,
    KernelABI,
    MakeClosure,
    MakePrim,
    MakeShape,
    MakeTuple,
    Match,
    Program,
)


@dataclass
class ModuleContext:
    """What every function of one module shares: its kernels, functions and constants."""

    mod: IRModule
    kernels: dict[str, KernelSignature]
    relax_funcs: dict[str, rx.Function] = field(default_factory=dict)
    constants: list[np.ndarray[Any, Any]] = field(default_factory=list)
    functions: dict[str, FunctionCode] = field(default_factory=dict)
    _const_ids: dict[int, int] = field(default_factory=dict)

    def const_index(self, data: np.ndarray[Any, Any]) -> int:
        if (known := self._const_ids.get(id(data))) is not None:
            return known
        self.constants.append(data)
        self._const_ids[id(data)] = len(self.constants) - 1
        return len(self.constants) - 1

    def unique_name(self, hint: str) -> str:
        name, n = hint, 0
        while name in self.functions or name in self.relax_funcs:
            n += 1
            name = f"{hint}_{n}"
        return name


def compile_program(mod: IRModule, kernels: dict[str, KernelSignature], target: str) -> Program:
    """The VM program of ``mod``'s Relax functions (its PrimFuncs compiled to ``kernels``)."""
    ctx = ModuleContext(mod, kernels)
    for gv, func in mod.functions.items():
        if isinstance(func, rx.Function):
            ctx.relax_funcs[gv.name_hint] = func
    for name, func in list(ctx.relax_funcs.items()):  # local functions are added as found
        FunctionLowering(ctx, name, func, (), public=True).run()
    abis = {
        sig.name: KernelABI(sig.name, sig.symbol, tuple(sig.llvm_arg_types()))
        for sig in kernels.values()
    }
    return Program(ctx.functions, abis, ctx.constants, target)


Captured = rx.Var | E.Var


class FunctionLowering:
    """Lowers one Relax function (``captured`` values are its first parameters)."""

    def __init__(
        self,
        ctx: ModuleContext,
        name: str,
        func: rx.Function,
        captured: tuple[Captured, ...],
        *,
        public: bool,
    ) -> None:
        self.ctx = ctx
        self.name = name
        self.func = func
        self.captured = captured
        self.public = public
        self.num_regs = 0
        self.var_reg: dict[rx.Var, int] = {}
        self.dims: dict[E.Var, SExpr] = {}
        self.infos: dict[int, StructInfo] = {}
        self.tuple_parts: dict[int, tuple[int, ...]] = {}
        self.consts: list[tuple[int, int]] = []
        self.literals: list[tuple[int, Any]] = []
        self.names: dict[int, str] = {}
        self.code: list[Instr] = []

    # -- registers ---------------------------------------------------------------------------

    def new_reg(self, name: str | None = None) -> int:
        reg = self.num_regs
        self.num_regs += 1
        if name is not None:
            self.names[reg] = name
        return reg

    def new_dim_reg(self, var: E.Var) -> int:
        return self.new_reg(var.name)

    def emit(self, instr: Instr) -> None:
        self.code.append(instr)

    def literal(self, value: Any) -> int:
        reg = self.new_reg()
        self.literals.append((reg, value))
        return reg

    def lookup_dim(self, var: E.Var) -> SExpr:
        if (ref := self.dims.get(var)) is None:
            raise Unbound(var)
        return ref

    def lower(self, e: E.PrimExpr, where: str = "") -> SExpr:
        try:
            return lower_expr(e, self.lookup_dim)
        except Unbound as exc:
            raise VMCompileError(
                f"'{self.name}': the symbolic variable '{exc.var.name}' has no value"
                + (f" ({where})" if where else ""),
                getattr(e, "span", None),
            ) from None

    def lower_or_none(self, e: E.PrimExpr) -> SExpr | None:
        try:
            return lower_expr(e, self.lookup_dim)
        except (Unbound, ValueError):
            return None

    # -- the function ------------------------------------------------------------------------

    def run(self) -> FunctionCode:
        for value in self.captured:
            if isinstance(value, rx.Var):
                reg = self.new_reg(value.name_hint)
                self.var_reg[value] = reg
                if value.struct_info is not None:
                    self.infos[reg] = value.struct_info
            else:
                self.dims[value] = ("r", self.new_reg(value.name))
        params = self.func.params
        for p in params:
            self.var_reg[p] = self.new_reg(p.name_hint)
        infos = [p.struct_info or ObjectStructInfo() for p in params]
        patterns = PatternBuilder(self.dims, self.new_dim_reg).build(infos)
        if not all(checks_nothing(p) for p in patterns):
            self.emit(
                Match(
                    tuple(self.var_reg[p] for p in params),
                    patterns,
                    tuple(f"argument '{p.name_hint}' of '{self.name}'" for p in params),
                    strict=True,
                )
            )
        for p, info in zip(params, infos, strict=True):
            self.infos[self.var_reg[p]] = info
        result = self.expr(self.func.body)
        self.check(result, self.func.ret_struct_info, f"the result of '{self.name}'")
        code, slots = plan_memory(tuple(self.code), result)
        names = tuple(sorted(self.names.items()))
        self.ctx.functions[self.name] = FunctionCode(
            name=self.name,
            num_params=len(self.captured) + len(params),
            num_captured=len(self.captured),
            param_names=tuple(p.name_hint for p in params),
            num_regs=self.num_regs,
            code=code,
            result=result,
            consts=tuple(self.consts),
            literals=tuple(self.literals),
            slots=slots,
            names=names,
            public=self.public,
        )
        return self.ctx.functions[self.name]

    def check(self, reg: int, claimed: StructInfo | None, where: str) -> None:
        """Check register ``reg`` against ``claimed`` unless its known struct info implies it."""
        if claimed is None:
            return
        known = self.infos.get(reg)
        if known is not None and base_check(claimed, known) == BaseCheck.PASS:
            return
        patterns = PatternBuilder(self.dims, self.new_dim_reg).build([claimed])
        if not checks_nothing(patterns[0]):
            self.emit(Match((reg,), patterns, (where,)))
        self.infos[reg] = claimed

    def trusted(self, reg: int, info: StructInfo | None) -> int:
        if info is not None:
            self.infos[reg] = info
        return reg

    # -- bindings ----------------------------------------------------------------------------

    def bind(self, b: rx.Binding) -> None:
        if isinstance(b, rx.MatchCast):
            src = self.expr(b.value)
            where = f"R.match_cast of '{b.var.name_hint}' in '{self.name}'"
            patterns = PatternBuilder(self.dims, self.new_dim_reg).build([b.struct_info])
            self.emit(Match((src,), patterns, (where,)))
            self.infos[src] = b.struct_info
            self.var_reg[b.var] = src
            self.names.setdefault(src, b.var.name_hint)
            return
        if not isinstance(b, rx.VarBinding):
            raise VMCompileError(f"unknown binding {type(b).__name__}", b.span)
        if isinstance(b.value, rx.Function):
            reg = self.local_function(b.value, b.var.name_hint)
        else:
            reg = self.expr(b.value)
        self.var_reg[b.var] = reg
        self.names.setdefault(reg, b.var.name_hint)
        self.check(reg, b.var.struct_info, f"'{b.var.name_hint}' in '{self.name}'")

    def block(self, body: Callable[[], int]) -> tuple[tuple[Instr, ...], int]:
        outer = self.code
        self.code = []
        try:
            result = body()
            return tuple(self.code), result
        finally:
            self.code = outer

    # -- expressions -------------------------------------------------------------------------

    def expr(self, e: Node) -> int:
        match e:
            case rx.Var():
                if (reg := self.var_reg.get(e)) is None:
                    raise VMCompileError(f"'{e.name_hint}' is used before it is defined", e.span)
                return reg
            case GlobalVar():
                return self.function_value(e)
            case rx.Tuple():
                return self.make_tuple(tuple(self.expr(f) for f in e.fields), e.struct_info)
            case rx.TupleGetItem():
                return self.get_item(self.expr(e.tuple_value), e.index, e.struct_info)
            case rx.Call():
                from tvmscript.runtime.vm.lower_calls import lower_call

                return lower_call(self, e)
            case rx.If():
                return self.if_expr(e)
            case rx.SeqExpr():
                for block in e.blocks:
                    for binding in block.bindings:
                        self.bind(binding)
                return self.expr(e.body)
            case rx.Function():
                return self.local_function(e, "lambda")
        return self.constant(e)

    def constant(self, e: Node) -> int:
        """The register of a leaf value: a constant, shape, scalar or string."""
        match e:
            case rx.Constant():
                reg = self.new_reg()
                self.consts.append((reg, self.ctx.const_index(e.data)))
                return self.trusted(reg, e.struct_info)
            case rx.ShapeExpr():
                reg = self.new_reg()
                self.emit(MakeShape(tuple(self.lower(v, "a shape") for v in e.values), reg))
                return self.trusted(reg, e.struct_info)
            case rx.PrimValue():
                reg = self.new_reg()
                self.emit(MakePrim(self.lower(e.value, "a value"), e.value.dtype, reg))
                return self.trusted(reg, e.struct_info)
            case rx.StringImm() | rx.DataTypeImm():
                return self.literal(e.value)
        raise VMCompileError(f"the VM cannot evaluate {type(e).__name__}", e.span)

    def make_tuple(self, regs: tuple[int, ...], info: StructInfo | None) -> int:
        dst = self.new_reg()
        self.emit(MakeTuple(regs, dst))
        self.tuple_parts[dst] = regs
        if info is None:
            known = [self.infos.get(r) for r in regs]
            if all(k is not None for k in known):
                info = TupleStructInfo(tuple(k for k in known if k is not None))
        return self.trusted(dst, info)

    def get_item(self, src: int, index: int, info: StructInfo | None) -> int:
        if (parts := self.tuple_parts.get(src)) is not None and index < len(parts):
            return parts[index]
        dst = self.new_reg()
        self.emit(GetItem(src, index, dst))
        known = self.infos.get(src)
        if isinstance(known, TupleStructInfo) and index < len(known.fields):
            info = known.fields[index]
        return self.trusted(dst, info)

    def if_expr(self, e: rx.If) -> int:
        cond = self.expr(e.cond)
        then, then_result = self.block(lambda: self.expr(e.true_branch))
        orelse, else_result = self.block(lambda: self.expr(e.false_branch))
        dst = self.new_reg()
        self.emit(If(cond, then, then_result, orelse, else_result, dst))
        return self.trusted(dst, e.struct_info)

    def function_value(self, gv: GlobalVar) -> int:
        if gv.name_hint not in self.ctx.relax_funcs:
            raise VMCompileError(f"'{gv.name_hint}' is not a Relax function of the module")
        dst = self.new_reg()
        self.emit(MakeClosure(gv.name_hint, (), dst))
        return self.trusted(dst, gv.struct_info)

    def local_function(self, func: rx.Function, hint: str) -> int:
        """A closure of a nested ``@R.function``, capturing what it uses of this one."""
        free_vars, free_dims = _free_values(func, self.var_reg, self.dims)
        name = self.ctx.unique_name(f"{self.name}.{hint}")
        captured: tuple[Captured, ...] = (*free_vars, *free_dims)
        self.ctx.relax_funcs[name] = func
        FunctionLowering(self.ctx, name, func, captured, public=False).run()
        regs = [self.var_reg[v] for v in free_vars]
        for d in free_dims:
            value = self.dims[d]
            if isinstance(value, tuple) and value[0] == "r":
                regs.append(int(value[1]))
            else:
                reg = self.new_reg()
                self.emit(MakePrim(value, d.dtype, reg))
                regs.append(reg)
        dst = self.new_reg(hint)
        self.emit(MakeClosure(name, tuple(regs), dst))
        return self.trusted(dst, func.struct_info)


def walk_nodes(node: Any) -> Iterator[Any]:
    """Every node and value under ``node`` (fields, tuples, struct info), ``node`` first."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, tuple | list):
            stack.extend(reversed(n))
        elif isinstance(n, Node):
            stack.extend(getattr(n, name) for name, _ in reversed(node_fields(type(n))))


def _free_values(
    func: rx.Function, outer_vars: dict[rx.Var, int], outer_dims: dict[E.Var, SExpr]
) -> tuple[list[rx.Var], list[E.Var]]:
    """The variables and symbolic dims of the enclosing function ``func`` uses."""
    free_vars: list[rx.Var] = []
    free_dims: list[E.Var] = []
    seen: set[int] = set()
    for n in walk_nodes(func):
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, rx.Var) and n in outer_vars:
            free_vars.append(n)
        elif isinstance(n, E.Var) and n in outer_dims:
            free_dims.append(n)
    return free_vars, free_dims


def kernel_names(mod: IRModule) -> list[str]:
    """The names of ``mod``'s PrimFuncs."""
    return [gv.name_hint for gv, f in mod.functions.items() if isinstance(f, PrimFunc)]


def is_op(node: Node, name: str) -> bool:
    """Whether ``node`` is the Relax operator ``relax.<name>``."""
    return isinstance(node, Op) and node.name == f"relax.{name}"
