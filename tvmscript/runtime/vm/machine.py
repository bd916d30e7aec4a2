"""The VM: a program's instructions turned into closures, run over a register file.

Each `VMFunction` keeps a pool of instances. An instance is the function's instructions
made closures once (operands bound, constants and planned arrays baked in) plus the storage
of its memory slots, so a call only copies the register template, runs the closures and
returns the result register. A call takes a free instance (a recursive or concurrent call
makes another), so planned memory is reused call after call and never shared by two live
calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tvmscript.runtime.packed import get_func
from tvmscript.runtime.vm.checks import CheckerBuilder, Naming, Pending, run_pending
from tvmscript.runtime.vm.exprs import Eval, Regs, const_ints, describe, evaluator, is_const
from tvmscript.runtime.vm.plan import nbytes
from tvmscript.runtime.vm.program import (
    Alloc,
    Allocate,
    CallClosure,
    CallDpsPacked,
    CallFunc,
    CallKernel,
    CallPacked,
    FunctionCode,
    GetItem,
    Guard,
    If,
    Instr,
    Kill,
    MakeClosure,
    MakePrim,
    MakeShape,
    MakeTuple,
    Match,
    Move,
    Program,
    TensorPat,
)
from tvmscript.runtime.vm.values import (
    Array,
    Closure,
    ShapeTuple,
    aligned_empty,
    data_pointer,
    dtype_ok,
    numpy_dtype,
)

Step = Callable[[Regs], None]


@dataclass(frozen=True)
class NativeKernel:
    """A kernel's native entry: ``fn(*args) -> int`` and the exception for a non-zero code."""

    name: str
    fn: Callable[..., int]
    argtypes: tuple[str, ...]
    error: Callable[[int], BaseException]


class Machine:
    """The functions of one program, ready to call."""

    def __init__(self, program: Program, natives: Mapping[str, NativeKernel]) -> None:
        self.program = program
        self.natives = dict(natives)
        self.functions = {name: VMFunction(self, code) for name, code in program.functions.items()}


class VMFunction:
    """A compiled Relax function: ``f(*args)`` runs it.

    Arguments are numpy arrays (scalars, tuples and shapes for such parameters); the result
    comes as numpy arrays, tuples and scalars.
    """

    def __init__(self, machine: Machine, code: FunctionCode) -> None:
        self.machine = machine
        self.code = code
        self.name = code.name
        self._free: list[Instance] = []

    def __call__(self, *args: Any) -> Any:
        free = self._free
        instance = free.pop() if free else Instance(self.machine, self.code)
        try:
            return instance.run(args)
        finally:
            free.append(instance)

    def __repr__(self) -> str:
        return f"<tvmscript Relax function {self.name}({', '.join(self.code.param_names)})>"


class _SlotStore:
    """The storage of one memory slot: fixed when its size is static, else grown on demand."""

    def __init__(self, size: int | None) -> None:
        self.buffer = aligned_empty(size if size is not None else 0)

    def get(self, n: int) -> Array:
        if self.buffer.size < n:
            self.buffer = aligned_empty(max(n, self.buffer.size * 3 // 2))
        return self.buffer


class Instance:
    """One function's closures and memory (see the module docstring)."""

    def __init__(self, machine: Machine, code: FunctionCode) -> None:
        self.machine = machine
        self.code = code
        template: list[Any] = [None] * code.num_regs
        for reg, index in code.consts:
            template[reg] = machine.program.constants[index]
        for reg, value in code.literals:
            template[reg] = value
        self.template = template
        self.slots = [_SlotStore(s.nbytes) for s in code.slots]
        self.static: dict[int, tuple[Array, int]] = {}
        for alloc in _all_allocs(code.code):
            if alloc.slot >= 0 and code.slots[alloc.slot].nbytes is not None:
                view = self._static_view(alloc)
                self.static[alloc.reg] = (view, data_pointer(view))
        self.naming = Naming(dict(code.names), _origins(code.code))
        self.steps = StepBuilder(self).block(code.code)

    def _static_view(self, alloc: Alloc) -> Array:
        size = nbytes(alloc)
        assert size is not None
        buffer = self.slots[alloc.slot].buffer
        shape = const_ints(alloc.shape)
        assert shape is not None
        return buffer[:size].view(numpy_dtype(alloc.dtype)).reshape(shape)

    def run(self, args: tuple[Any, ...]) -> Any:
        code = self.code
        if len(args) != code.num_params:
            shown = len(args) - code.num_captured
            n = code.num_params - code.num_captured
            names = ", ".join(code.param_names)
            raise ValueError(
                f"'{code.name}' takes {n} argument{'s' * (n != 1)} ({names}), got {shown}"
            )
        regs = self.template.copy()
        regs[: len(args)] = args
        for step in self.steps:
            step(regs)
        return regs[code.result]


def _all_allocs(code: tuple[Instr, ...]) -> Iterator[Alloc]:
    for ins in code:
        match ins:
            case CallKernel(outs=outs) | CallDpsPacked(outs=outs):
                yield from outs
            case Allocate(alloc=alloc):
                yield alloc
            case If(then=then, orelse=orelse):
                yield from _all_allocs(then)
                yield from _all_allocs(orelse)


def _origins(code: tuple[Instr, ...]) -> dict[int, tuple[str, int, int]]:
    out: dict[int, tuple[str, int, int]] = {}
    for ins in code:
        if isinstance(ins, Match):
            for src, pattern, where in zip(ins.srcs, ins.patterns, ins.wheres, strict=True):
                if isinstance(pattern, TensorPat):
                    for axis, d in enumerate(pattern.dims or ()):
                        if d[0] == "bind":
                            out.setdefault(int(d[1]), (where, src, axis))
        elif isinstance(ins, If):
            out.update(_origins(ins.then))
            out.update(_origins(ins.orelse))
    return out


def _truth(value: Any) -> bool:
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError(
                f"an if condition must be a scalar, got an array of shape {value.shape}"
            )
        return bool(value.reshape(()))
    return bool(value)


def _packed(name: str) -> Callable[..., Any]:
    if (fn := get_func(name)) is None:
        raise RuntimeError(
            f"packed function '{name}' is not registered (use @tvmscript.register_func('{name}'))"
        )
    return fn


_CONVERT: dict[str, Callable[[Any], Any]] = {"float": float, "double": float}


class StepBuilder:
    """Makes the closure of each instruction of one instance."""

    def __init__(self, instance: Instance) -> None:
        self.inst = instance
        self.machine = instance.machine

    def block(self, code: tuple[Instr, ...]) -> list[Step]:
        return [self.step(ins) for ins in code]

    def step(self, ins: Instr) -> Step:  # noqa: C901  (one case per instruction)
        match ins:
            case Match():
                return self.match(ins)
            case CallKernel():
                return self.call_kernel(ins)
            case Allocate(alloc=alloc):
                return self.alloc(alloc)
            case CallPacked():
                return self.call_packed(ins)
            case CallDpsPacked():
                return self.call_dps_packed(ins)
            case CallFunc():
                return self.call_func(ins)
            case CallClosure():
                return self.call_closure(ins)
            case MakeClosure():
                return self.make_closure(ins)
            case If():
                return self.if_(ins)
            case MakeTuple():
                return self.make_tuple(ins)
            case MakeShape():
                return self.make_shape(ins)
            case MakePrim():
                return self.make_prim(ins)
            case GetItem(src=src, index=index, dst=dst):

                def get_item(regs: Regs) -> None:
                    regs[dst] = regs[src][index]

                return get_item
            case Move(src=src, dst=dst):

                def move(regs: Regs) -> None:
                    regs[dst] = regs[src]

                return move
            case Kill(reg=reg):

                def kill(regs: Regs) -> None:
                    regs[reg] = None

                return kill
        raise ValueError(f"unknown VM instruction {type(ins).__name__}")

    # -- checks ------------------------------------------------------------------------------

    def match(self, ins: Match) -> Step:
        builder = CheckerBuilder(self.inst.naming, strict=ins.strict)
        checks = []
        for src, pattern, where in zip(ins.srcs, ins.patterns, ins.wheres, strict=True):
            if (check := builder.build(pattern, where)) is not None:
                checks.append((src, check))
        naming = self.inst.naming

        def match(regs: Regs) -> None:
            pending: list[Pending] = []
            for src, check in checks:
                regs[src] = check(regs[src], regs, pending)
            if pending:
                run_pending(pending, regs, naming)

        return match

    def guard(self, g: Guard) -> Step:
        names = self.inst.naming.names
        if g.kind == "array":
            reg, dtype, ndim, text = g.reg, g.dtype, g.ndim, g.text

            def array_guard(regs: Regs) -> None:
                value = regs[reg]
                if (
                    not isinstance(value, np.ndarray)
                    or (dtype is not None and not dtype_ok(value, dtype))
                    or (ndim >= 0 and value.ndim != ndim)
                    or not value.flags.c_contiguous
                ):
                    got = (
                        f"{value.dtype} array of shape {value.shape}"
                        if isinstance(value, np.ndarray)
                        else type(value).__name__
                    )
                    raise ValueError(f"{text}: expected a C-contiguous array, got {got}")

            return array_guard
        lhs, rhs = evaluator(g.lhs), evaluator(g.rhs)
        lhs_text, rhs_text = describe(g.lhs, names), describe(g.rhs, names)
        text = g.text

        def eq_guard(regs: Regs) -> None:
            a, b = lhs(regs), rhs(regs)
            if a != b:
                raise ValueError(
                    f"{text} is {rhs_text} = {b}, but the PrimFunc expects {lhs_text} = {a}"
                )

        return eq_guard

    # -- allocation --------------------------------------------------------------------------

    def alloc(self, a: Alloc) -> Step:
        reg = a.reg
        if (static := self.inst.static.get(reg)) is not None:
            view = static[0]

            def planned(regs: Regs) -> None:
                regs[reg] = view

            return planned
        dt = numpy_dtype(a.dtype)
        dims = [evaluator(d) for d in a.shape]
        if a.slot >= 0:
            store = self.inst.slots[a.slot]
            itemsize = dt.itemsize

            def grown(regs: Regs) -> None:
                shape = tuple(d(regs) for d in dims)
                count = 1
                for d in shape:
                    count *= d
                n = count * itemsize
                regs[reg] = store.get(n)[:n].view(dt).reshape(shape)

            return grown
        if (shape := const_ints(a.shape)) is not None:

            def fresh_static(regs: Regs) -> None:
                regs[reg] = np.empty(shape, dt)

            return fresh_static

        def fresh(regs: Regs) -> None:
            regs[reg] = np.empty(tuple(d(regs) for d in dims), dt)

        return fresh

    # -- calls -------------------------------------------------------------------------------

    def native_arg(self, arg: tuple[Any, ...], argtype: str) -> Eval:
        if arg[0] == "ptr":
            reg = int(arg[1])
            if (static := self.inst.static.get(reg)) is not None:
                address = static[1]
                return lambda regs: address
            return lambda regs: data_pointer(regs[reg])
        value = evaluator(arg[1])
        convert = _CONVERT.get(argtype, int)
        if is_const(arg[1]):
            const = convert(arg[1])
            return lambda regs: const
        return lambda regs: convert(value(regs))

    def call_kernel(self, ins: CallKernel) -> Step:
        native = self.machine.natives[ins.kernel]
        fn, error = native.fn, native.error
        before = [self.alloc(a) for a in ins.outs] + [self.guard(g) for g in ins.guards]
        getters = [self.native_arg(a, t) for a, t in zip(ins.args, native.argtypes, strict=True)]

        def call_kernel(regs: Regs) -> None:
            for prepare in before:
                prepare(regs)
            rc = fn(*[get(regs) for get in getters])
            if rc:
                raise error(rc)

        return call_kernel

    def call_packed(self, ins: CallPacked) -> Step:
        name, args, dst = ins.func, ins.args, ins.dst
        check = None
        if ins.result is not None:
            check = CheckerBuilder(self.inst.naming, strict=False).build(ins.result, ins.where)
        naming = self.inst.naming

        def call_packed(regs: Regs) -> None:
            out = _packed(name)(*[regs[i] for i in args])
            if check is not None:
                pending: list[Pending] = []
                out = check(out, regs, pending)
                if pending:
                    run_pending(pending, regs, naming)
            regs[dst] = out

        return call_packed

    def call_dps_packed(self, ins: CallDpsPacked) -> Step:
        name, args = ins.func, ins.args
        allocs = [self.alloc(a) for a in ins.outs]
        outs = [a.reg for a in ins.outs]

        def call_dps_packed(regs: Regs) -> None:
            for alloc in allocs:
                alloc(regs)
            _packed(name)(*[regs[i] for i in args], *[regs[i] for i in outs])

        return call_dps_packed

    def call_func(self, ins: CallFunc) -> Step:
        callee = self.machine.functions[ins.func]
        args, dst = ins.args, ins.dst

        def call_func(regs: Regs) -> None:
            regs[dst] = callee(*[regs[i] for i in args])

        return call_func

    def call_closure(self, ins: CallClosure) -> Step:
        closure, args, dst = ins.closure, ins.args, ins.dst

        def call_closure(regs: Regs) -> None:
            fn = regs[closure]
            if not callable(fn):
                raise ValueError(f"cannot call a {type(fn).__name__}: it is not a function")
            regs[dst] = fn(*[regs[i] for i in args])

        return call_closure

    def make_closure(self, ins: MakeClosure) -> Step:
        func = self.machine.functions[ins.func]
        captured, dst = ins.captured, ins.dst
        if not captured:

            def function_value(regs: Regs) -> None:
                regs[dst] = func

            return function_value

        def make_closure(regs: Regs) -> None:
            regs[dst] = Closure(func, tuple(regs[i] for i in captured))

        return make_closure

    # -- control flow and values -------------------------------------------------------------

    def if_(self, ins: If) -> Step:
        then, orelse = self.block(ins.then), self.block(ins.orelse)
        cond, dst, a, b = ins.cond, ins.dst, ins.then_result, ins.else_result

        def if_(regs: Regs) -> None:
            if _truth(regs[cond]):
                for step in then:
                    step(regs)
                regs[dst] = regs[a]
            else:
                for step in orelse:
                    step(regs)
                regs[dst] = regs[b]

        return if_

    def make_tuple(self, ins: MakeTuple) -> Step:
        srcs, dst = ins.srcs, ins.dst

        def make_tuple(regs: Regs) -> None:
            regs[dst] = tuple([regs[i] for i in srcs])

        return make_tuple

    def make_shape(self, ins: MakeShape) -> Step:
        dst = ins.dst
        if (ints := const_ints(ins.dims)) is not None:
            shape = ShapeTuple(ints)

            def const_shape(regs: Regs) -> None:
                regs[dst] = shape

            return const_shape
        dims = [evaluator(d) for d in ins.dims]

        def make_shape(regs: Regs) -> None:
            regs[dst] = ShapeTuple(d(regs) for d in dims)

        return make_shape

    def make_prim(self, ins: MakePrim) -> Step:
        value, dst = evaluator(ins.value), ins.dst
        cast: Callable[[Any], Any] = int
        if ins.dtype.startswith(("float", "bfloat")):
            cast = float
        elif ins.dtype == "bool":
            cast = bool

        def make_prim(regs: Regs) -> None:
            regs[dst] = cast(value(regs))

        return make_prim
