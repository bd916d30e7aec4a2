"""``tvmscript run`` and ``tvmscript build`` of Relax modules (the VM's side of both).

``run``: random inputs made from the Relax function's parameter struct info (symbolic dims
from ``--shape n=...``), the median time per call. ``build``: one shared library with every
kernel and the VM program (``tvmscript.load`` gives the executable back); ``--emit ll``,
``asm`` and ``obj`` write the kernels of the legalized module.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import numpy as np

from tvmscript.codegen.llvm import CodegenError
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.module import IRModule
from tvmscript.core.ir.node import Node
from tvmscript.core.relax import expr as rx
from tvmscript.core.relax.struct_info import (
    PrimStructInfo,
    ShapeStructInfo,
    StructInfo,
    TensorStructInfo,
    TupleStructInfo,
)
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.function import PrimFunc
from tvmscript.runtime.vm import VMExecutable, compile_relax, legalized
from tvmscript.runtime.vm.exprs import Unbound, evaluator, lower_expr


class MissingShape(Exception):
    """A parameter whose shape needs a ``--shape`` value (the message says which)."""


def relax_function(obj: Node, name: str) -> rx.Function | None:
    """The Relax function ``name`` of ``obj`` (a module or a lone function)."""
    if isinstance(obj, rx.Function):  # the VM calls a lone function by its global symbol
        return obj if str(obj.attrs.get("global_symbol", "main")) == name else None
    if isinstance(obj, IRModule) and name in obj:
        func = obj[name]
        return func if isinstance(func, rx.Function) else None
    return None


class _Inputs:
    """Random values for struct info, symbolic dims from ``given`` (then from what is made)."""

    def __init__(self, given: dict[str, int | float], seed: int) -> None:
        self.given = given
        self.rng = np.random.default_rng(seed)
        self.dims: dict[E.Var, int] = {}

    def dim(self, e: E.PrimExpr, what: str) -> int:
        def lookup(var: E.Var) -> Any:
            if var in self.dims:
                return self.dims[var]
            if var.name in self.given:
                self.dims[var] = int(self.given[var.name])
                return self.dims[var]
            raise Unbound(var)

        try:
            value = evaluator(lower_expr(e, lookup))([])
        except Unbound as exc:
            raise MissingShape(f"the shape of {what} needs --shape {exc.var.name}=N") from None
        return int(value)

    def value(self, info: StructInfo | None, what: str, name: str = "") -> Any:
        """A value of ``info`` for ``what`` (the parameter ``name``: its ``--shape`` value)."""
        match info:
            case TensorStructInfo():
                values = info.shape_values
                if values is None:
                    raise MissingShape(f"{what} has no known shape: it cannot be made up")
                shape = tuple(self.dim(d, what) for d in values)
                return self.tensor(shape, "float32" if info.is_unknown_dtype else info.dtype)
            case ShapeStructInfo(values=values) if values is not None:
                return tuple(self.dim(d, what) for d in values)
            case PrimStructInfo(dtype=dtype, value=value):
                if value is not None:
                    return self.dim(value, what)
                return self.scalar(dtype, self.given.get(name, 1))
            case TupleStructInfo(fields=fields):
                return tuple(self.value(f, f"{what}[{i}]") for i, f in enumerate(fields))
        raise MissingShape(f"{what}: cannot make up a value of this type")

    @staticmethod
    def scalar(dtype: str, given: int | float) -> int | float | bool:
        t = DataType.of(dtype)
        if t.is_float:
            return float(given)
        if t.is_bool:
            return bool(given)
        return int(given)

    def tensor(self, shape: tuple[int, ...], dtype: str) -> np.ndarray[Any, Any]:
        t = DataType.of(dtype)
        if t.is_bool:
            return self.rng.integers(0, 2, shape).astype(np.bool_)
        if t.is_integer:
            return self.rng.integers(0, 8, shape).astype(dtype)
        if dtype == "bfloat16":
            f32 = self.rng.standard_normal(shape, dtype=np.float32)
            return (f32.view(np.uint32) >> 16).astype(np.uint16)
        return self.rng.standard_normal(shape).astype(dtype)


def make_relax_args(func: rx.Function, given: dict[str, int | float], seed: int) -> list[Any]:
    """Random arguments for ``func``; `MissingShape` when a dimension needs ``--shape``."""
    inputs = _Inputs(given, seed)
    return [inputs.value(p.struct_info, f"'{p.name_hint}'", p.name_hint) for p in func.params]


def describe_result(value: Any) -> str:
    """A short text of a result: shapes and dtypes."""
    if isinstance(value, np.ndarray):
        return f"{value.dtype}{list(value.shape)}"
    if isinstance(value, tuple):
        return "(" + ", ".join(describe_result(v) for v in value) + ")"
    return repr(value)


def summary(name: str, times: list[float], result: Any) -> str:
    """The line ``tvmscript run`` prints."""
    median = statistics.median(times)
    return (
        f"{name}: median {median * 1e3:.4f} ms over {len(times)} calls -> {describe_result(result)}"
    )


def run_relax(obj: Node, ex: VMExecutable, args: Any, given: dict[str, int | float]) -> int:
    """``tvmscript run`` of the Relax function ``args.func``; the exit code."""
    from tvmscript.cli.common import error
    from tvmscript.cli.run_cmd import _time

    func = relax_function(obj, args.func)
    if func is None or args.func not in ex:
        known = ", ".join(ex.names)
        if ex.kernel_names:
            known += f"; PrimFuncs: {', '.join(ex.kernel_names)}"
        error(f"no function named '{args.func}' in '{args.file}' (it has {known})")
        return 2
    try:
        call_args = make_relax_args(func, given, args.seed)
    except MissingShape as exc:
        error(str(exc))
        return 2
    fn = ex[args.func]
    try:
        result = fn(*call_args)
        times = _time(fn, call_args, args.repeat)
    except (ValueError, RuntimeError, AssertionError) as exc:
        error(str(exc))
        return 1
    print(summary(args.func, times, result))
    return 0


def build_relax(obj: Node, emit: str, target: str, out: Path) -> Path:
    """Write ``out`` for a Relax module as ``emit`` says.

    ``so``: a library of the kernels and the VM program; ``ll``, ``asm``, ``obj``: the
    legalized module's kernels.
    """
    if emit == "so":
        return compile_relax(obj, target).export_library(out)
    from tvmscript.cli.build_cmd import build

    mod = legalized(obj)
    kernels = IRModule({gv: f for gv, f in mod.functions.items() if isinstance(f, PrimFunc)})
    if not kernels.functions:
        raise CodegenError(
            f"the module has no PrimFunc, even once legalized: nothing to write with --emit "
            f"{emit} (--emit so writes the VM program)"
        )
    return build(kernels, emit, target, out)


__all__ = ["MissingShape", "VMExecutable", "build_relax", "make_relax_args", "relax_function"]
