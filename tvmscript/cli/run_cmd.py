"""``tvmscript run FILE --func NAME [--repeat N] [--shape n=128] [--target T]``.

Compiles the file, calls one PrimFunc on random inputs made from its signature (symbolic
dimensions and scalar parameters from ``--shape name=value``), and prints the median time of
``N`` calls, with GFLOP/s when the kernel's floating-point work can be counted. A progress bar
shows on long runs. In a module with Relax functions, those run on the VM (`relax_cmd`); its
PrimFuncs, the legalized ones included, run as kernels.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from tvmscript.cli.build_cmd import load, report
from tvmscript.cli.common import error
from tvmscript.cli.relax_cmd import VMExecutable, relax_function, run_relax
from tvmscript.codegen.llvm import CodegenError, lower_func
from tvmscript.codegen.llvm.module import KernelSignature
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E
from tvmscript.core.tir import stmt as S
from tvmscript.core.tir.transform.functor import children, walk
from tvmscript.runtime import compile as compile_ir
from tvmscript.runtime.args import _evaluate
from tvmscript.runtime.executable import Executable

_PROGRESS_AFTER_S = 2.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``run``."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--func", metavar="NAME", required=True, help="the PrimFunc or Relax function to run"
    )
    parser.add_argument("--repeat", metavar="N", type=int, default=10, help="timed calls")
    parser.add_argument(
        "--shape",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        help="a symbolic dimension or scalar parameter (repeatable)",
    )
    parser.add_argument("--target", default="llvm", help="'llvm', 'llvm -mcpu=NAME', 'native'")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random inputs")


def _bindings(pairs: list[str]) -> dict[str, int | float] | str:
    out: dict[str, int | float] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            return f"--shape expects NAME=VALUE, got '{pair}'"
        try:
            out[name.strip()] = int(value)
        except ValueError:
            try:
                out[name.strip()] = float(value)
            except ValueError:
                return f"--shape {name}: '{value}' is not a number"
    return out


def make_args(sig: KernelSignature, given: dict[str, int | float], seed: int) -> list[Any] | str:
    """Random arguments for ``sig`` (a message when a dimension or scalar is missing)."""
    rng = np.random.default_rng(seed)
    bound: dict[E.Var, tuple[int, str]] = {}
    for d in sig.dims:
        if d.name in given:
            bound[d.var] = (int(given[d.name]), "--shape")
    args: list[Any] = []
    for p in sig.params:
        if p.buffer is None:
            value = given.get(p.name, 1)
            args.append(float(value) if DataType.of(p.dtype).is_float else int(value))
            bound.setdefault(p.var, (int(value), "--shape"))
            continue
        shape = []
        for dim in p.buffer.shape:
            v = _evaluate(dim, bound)
            if v is None:
                names = sorted({v.name for v in _vars(dim) if v not in bound})
                return (
                    f"the shape of '{p.name}' needs --shape for {', '.join(repr(n) for n in names)}"
                )
            shape.append(v)
        args.append(_random(rng, tuple(shape), p.dtype))
    return args


def _vars(e: E.PrimExpr) -> list[E.Var]:
    out: list[E.Var] = []
    walk(e, lambda n: out.append(n) if isinstance(n, E.Var) else None)
    return out


def _random(rng: np.random.Generator, shape: tuple[int, ...], dtype: str) -> np.ndarray[Any, Any]:
    t = DataType.of(dtype)
    if t.is_bool:
        return rng.integers(0, 2, shape).astype(np.bool_)
    if t.is_integer:
        return rng.integers(0, 8, shape).astype(dtype)
    if dtype == "bfloat16":
        f32 = rng.standard_normal(shape, dtype=np.float32)
        return (f32.view(np.uint32) >> 16).astype(np.uint16)
    return rng.standard_normal(shape).astype(dtype)


def count_flops(stmt: S.Stmt, bound: dict[E.Var, tuple[int, str]]) -> int | None:
    """Floating-point operations of one run of lowered ``stmt`` (None: loops not countable)."""
    if isinstance(stmt, S.For):
        ext = _evaluate(stmt.extent, bound)
        inner = count_flops(stmt.body, bound)
        return None if ext is None or inner is None else ext * inner
    if isinstance(stmt, S.BufferStore):
        return _expr_flops(stmt.value)
    if isinstance(stmt, S.While):
        return None
    total = 0
    for child in children(stmt):
        if isinstance(child, S.Stmt):
            n = count_flops(child, bound)
            if n is None:
                return None
            total += n
    return total


def _expr_flops(e: object) -> int:
    if not isinstance(e, E.PrimExpr):
        return 0
    own = 0
    if (
        isinstance(e, E.Add | E.Sub | E.Mul | E.Div | E.Min | E.Max)
        and DataType.of(e.dtype).is_float
    ):
        own = DataType.of(e.dtype).lanes
    return own + sum(_expr_flops(c) for c in children(e))


def run(args: argparse.Namespace) -> int:
    """Compile, run and time the function."""
    path = Path(args.file)
    given = _bindings(args.shape)
    if isinstance(given, str):
        error(given)
        return 2
    if args.repeat < 1:
        error("--repeat must be at least 1")
        return 2
    loaded = load(path)
    if isinstance(loaded, int):
        return loaded
    obj, _ = loaded
    try:
        ex = compile_ir(obj, target=args.target)
    except CodegenError as exc:
        return report(exc, path)
    if isinstance(ex, VMExecutable):  # a Relax module: the VM runs its Relax functions
        kernels = ex.kernel_executable
        if (
            relax_function(obj, args.func) is not None
            or kernels is None
            or args.func not in kernels
        ):
            return run_relax(obj, ex, args, given)
        return _run_kernel(kernels, args, given)  # one of its PrimFuncs (or a legalized one)
    return _run_kernel(ex, args, given)


def _run_kernel(ex: Executable, args: argparse.Namespace, given: dict[str, int | float]) -> int:
    """Call and time the PrimFunc ``args.func`` of ``ex``; the exit code."""
    if args.func not in ex:
        error(f"no function named '{args.func}' in '{args.file}' (it has {', '.join(ex.names)})")
        return 2
    kernel = ex[args.func]
    call_args = make_args(kernel.signature, given, args.seed)
    if isinstance(call_args, str):
        error(call_args)
        return 2
    try:
        times = _time(kernel, call_args, args.repeat)
    except (ValueError, RuntimeError) as exc:
        error(str(exc))
        return 1
    median = statistics.median(times)
    line = f"{args.func}: median {median * 1e3:.4f} ms over {len(times)} calls"
    bound = {d.var: (int(given[d.name]), "") for d in kernel.signature.dims if d.name in given}
    flops = count_flops(lower_func(kernel.signature.func).body, bound)
    if flops and median > 0:
        line += f", {flops / median / 1e9:.2f} GFLOP/s"
    print(line)
    return 0


def _time(kernel: Any, call_args: list[Any], repeat: int) -> list[float]:
    kernel(*call_args)  # warm-up (and the first error, if any)
    times: list[float] = []
    show = False
    for i in range(repeat):
        start = time.perf_counter()
        kernel(*call_args)
        times.append(time.perf_counter() - start)
        if not show and sum(times) / (i + 1) * repeat > _PROGRESS_AFTER_S:
            show = True
        if show:
            done = (i + 1) * 30 // repeat
            sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {i + 1}/{repeat}")
            sys.stderr.flush()
    if show:
        sys.stderr.write("\n")
    return times
