"""The compiled form of a Relax module: flat instruction lists over a register file.

`compile_module` (``vm/lower.py``) turns each Relax function into a `FunctionCode`: registers
(one per variable, parameters first; symbolic dimensions are registers too), a prologue that
checks the arguments (`Match`), and instructions whose operands are register numbers and
`SExpr` shape expressions. It is plain data: `encode` / `decode` write and read it as JSON,
which is what ``tvmscript build`` stores beside the kernels and ``tvmscript.load`` reads.
The machine (``vm/machine.py``) turns it into closures once, so a call walks no IR.
"""

from __future__ import annotations

import base64
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

import numpy as np

from tvmscript.runtime.vm.exprs import SExpr

FORMAT: Final = "tvmscript-vm/1"

# -- patterns: what a value is checked against (struct info made concrete) -------------------

Dim: TypeAlias = tuple[Any, ...]
"""A dimension of a pattern: ``("bind", reg)`` defines a symbolic variable, ``("eq", sexpr)``
checks the value (after the pattern's bindings), ``("any",)`` checks nothing."""


@dataclass(frozen=True)
class AnyPat:
    """Any value (``R.Object``)."""


@dataclass(frozen=True)
class TensorPat:
    """A numpy array: dtype and rank when known, each dimension when known."""

    dtype: str | None
    ndim: int
    dims: tuple[Dim, ...] | None
    text: str
    """The struct info as TVMScript, for messages."""


@dataclass(frozen=True)
class ShapePat:
    """A shape value (a tuple of ints)."""

    ndim: int
    dims: tuple[Dim, ...] | None
    text: str


@dataclass(frozen=True)
class PrimPat:
    """A scalar: its dtype when known, its value when the struct info says it."""

    dtype: str | None
    value: Dim | None
    text: str


@dataclass(frozen=True)
class TuplePat:
    """A tuple of values."""

    fields: tuple[Pattern, ...]
    text: str


@dataclass(frozen=True)
class FuncPat:
    """A callable (a closure or a Relax function)."""

    text: str


Pattern: TypeAlias = AnyPat | TensorPat | ShapePat | PrimPat | TuplePat | FuncPat

# -- allocation and kernel arguments ---------------------------------------------------------


@dataclass(frozen=True)
class Alloc:
    """A fresh tensor: ``slot`` -1 allocates per call, else the planned slot it lives in."""

    reg: int
    dtype: str
    shape: tuple[SExpr, ...]
    slot: int = -1


@dataclass(frozen=True)
class Slot:
    """Storage reused across calls: ``nbytes`` when every tenant's size is static."""

    nbytes: int | None


@dataclass(frozen=True)
class Guard:
    """A run-time condition of a kernel call the compiler could not prove.

    ``kind`` ``"array"``: register ``reg`` holds a C-contiguous array of ``dtype`` (``None``:
    any) and rank ``ndim`` (-1: any); ``"eq"``: ``lhs == rhs``.
    """

    kind: str
    text: str
    reg: int = -1
    dtype: str | None = None
    ndim: int = -1
    lhs: SExpr = 0
    rhs: SExpr = 0


# -- instructions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """Check the values of ``srcs`` against ``patterns`` and bind their symbolic dims.

    The prologue of every function (its parameters), ``R.match_cast`` and binding checks.
    A mismatch raises `ValueError` naming ``wheres[i]``. Arrays that are not C-contiguous are
    replaced by contiguous copies; ``strict`` (arguments) takes only numpy arrays as tensors.
    """

    srcs: tuple[int, ...]
    patterns: tuple[Pattern, ...]
    wheres: tuple[str, ...]
    strict: bool = False


@dataclass(frozen=True)
class Move:
    """``regs[dst] = regs[src]``."""

    src: int
    dst: int


@dataclass(frozen=True)
class MakeTuple:
    """``regs[dst] = tuple(regs[s] for s in srcs)``."""

    srcs: tuple[int, ...]
    dst: int


@dataclass(frozen=True)
class GetItem:
    """``regs[dst] = regs[src][index]``."""

    src: int
    index: int
    dst: int


@dataclass(frozen=True)
class MakeShape:
    """A shape value from shape expressions."""

    dims: tuple[SExpr, ...]
    dst: int


@dataclass(frozen=True)
class MakePrim:
    """A scalar from a shape expression (``R.prim_value(n + 1)``), cast to ``dtype``."""

    value: SExpr
    dtype: str
    dst: int


@dataclass(frozen=True)
class CallKernel:
    """Call a compiled PrimFunc; the arrays of ``outs`` are allocated first.

    ``args`` are the native arguments in the kernel's order: ``("ptr", reg)`` the data of an
    array, ``("val", sexpr)`` a scalar or a symbolic dimension; ``guards`` what must hold
    before the call (what the compiler could not prove).
    """

    kernel: str
    args: tuple[tuple[Any, ...], ...]
    outs: tuple[Alloc, ...]
    guards: tuple[Guard, ...]


@dataclass(frozen=True)
class Allocate:
    """Allocate the array of ``alloc`` (``R.builtin.alloc_tensor``)."""

    alloc: Alloc


@dataclass(frozen=True)
class CallPacked:
    """Call a registered function; its result is checked against ``result`` when given."""

    func: str
    args: tuple[int, ...]
    dst: int
    result: Pattern | None = None
    where: str = ""


@dataclass(frozen=True)
class CallDpsPacked:
    """Call a registered function with fresh outputs after the inputs."""

    func: str
    args: tuple[int, ...]
    outs: tuple[Alloc, ...]
    dst: int


@dataclass(frozen=True)
class CallFunc:
    """Call another Relax function of the module."""

    func: str
    args: tuple[int, ...]
    dst: int


@dataclass(frozen=True)
class CallClosure:
    """Call the closure (or function value) in register ``closure``."""

    closure: int
    args: tuple[int, ...]
    dst: int


@dataclass(frozen=True)
class MakeClosure:
    """A function value of ``func`` with ``captured`` values passed before its arguments."""

    func: str
    captured: tuple[int, ...]
    dst: int


@dataclass(frozen=True)
class If:
    """Run ``then`` or ``orelse`` as the value of ``cond`` says; ``dst`` gets its result."""

    cond: int
    then: tuple[Instr, ...]
    then_result: int
    orelse: tuple[Instr, ...]
    else_result: int
    dst: int


@dataclass(frozen=True)
class Kill:
    """Drop the value of ``reg`` (``R.memory.kill_tensor`` and the like)."""

    reg: int


Instr: TypeAlias = (
    Match
    | Move
    | MakeTuple
    | GetItem
    | MakeShape
    | MakePrim
    | CallKernel
    | Allocate
    | CallPacked
    | CallDpsPacked
    | CallFunc
    | CallClosure
    | MakeClosure
    | If
    | Kill
)


@dataclass(frozen=True)
class FunctionCode:
    """One compiled Relax function."""

    name: str
    num_params: int
    """Parameters are registers ``0 .. num_params - 1`` (captured values first)."""
    num_captured: int
    param_names: tuple[str, ...]
    num_regs: int
    code: tuple[Instr, ...]
    result: int
    consts: tuple[tuple[int, int], ...] = ()
    """``(register, constant index)``: registers holding a constant from the start."""
    literals: tuple[tuple[int, Any], ...] = ()
    """``(register, value)``: registers holding a string, number, ``None`` or ``()``."""
    slots: tuple[Slot, ...] = ()
    names: tuple[tuple[int, str], ...] = ()
    """Registers of named variables (for messages)."""
    public: bool = True


@dataclass(frozen=True)
class KernelABI:
    """How to call one compiled PrimFunc from the VM: its symbol and ctypes argument types."""

    name: str
    symbol: str
    argtypes: tuple[str, ...]
    """``"ptr"``, ``"i8"``, ``"i32"``, ``"i64"``, ``"float"``, ``"double"``, ..."""


@dataclass
class Program:
    """A compiled Relax module: its functions, kernels and constants."""

    functions: dict[str, FunctionCode]
    kernels: dict[str, KernelABI]
    constants: list[np.ndarray[Any, Any]] = field(default_factory=list)
    target: str = "llvm"


# -- JSON ------------------------------------------------------------------------------------

_CLASSES: Final[dict[str, type]] = {
    cls.__name__: cls
    for cls in (
        AnyPat,
        TensorPat,
        ShapePat,
        PrimPat,
        TuplePat,
        FuncPat,
        Alloc,
        Slot,
        Guard,
        Match,
        Move,
        MakeTuple,
        GetItem,
        MakeShape,
        MakePrim,
        CallKernel,
        Allocate,
        CallPacked,
        CallDpsPacked,
        CallFunc,
        CallClosure,
        MakeClosure,
        If,
        Kill,
        FunctionCode,
        KernelABI,
    )
}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"_": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = _encode(getattr(value, f.name))
        return out
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        cls = _CLASSES.get(str(value.get("_")))
        if cls is None:
            raise ValueError(f"unknown entry {value.get('_')!r} in a VM program")
        return cls(**{k: _decode(v) for k, v in value.items() if k != "_"})
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _encode_array(a: np.ndarray[Any, Any]) -> dict[str, Any]:
    data = np.ascontiguousarray(a)
    return {
        "dtype": data.dtype.str,
        "shape": list(data.shape),
        "data": base64.b64encode(data.tobytes()).decode(),
    }


def _decode_array(j: dict[str, Any]) -> np.ndarray[Any, Any]:
    raw = base64.b64decode(j["data"])
    arr = np.frombuffer(raw, dtype=np.dtype(j["dtype"])).reshape(j["shape"])
    return arr.copy()


def encode(program: Program) -> dict[str, Any]:
    """``program`` as JSON-ready data."""
    return {
        "format": FORMAT,
        "target": program.target,
        "functions": [_encode(f) for f in program.functions.values()],
        "kernels": [_encode(k) for k in program.kernels.values()],
        "constants": [_encode_array(c) for c in program.constants],
    }


def decode(data: dict[str, Any]) -> Program:
    """The `Program` of ``encode``'s output; `ValueError` when it is not one."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a tvmscript VM program (format {data.get('format')!r})")
    functions = [_decode(f) for f in data["functions"]]
    kernels = [_decode(k) for k in data["kernels"]]
    return Program(
        functions={f.name: f for f in functions},
        kernels={k.name: k for k in kernels},
        constants=[_decode_array(c) for c in data["constants"]],
        target=str(data.get("target", "llvm")),
    )
