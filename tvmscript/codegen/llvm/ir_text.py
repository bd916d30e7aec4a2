"""A small LLVM IR text builder: typed values, basic blocks, functions.

Text rather than `llvmlite.ir` objects: the module is parsed once by LLVM anyway, and writing
lines directly keeps code generation cheap (compile time is a target) and gives full control
over attributes and metadata (``!nontemporal``, ``ptr align N`` call arguments, ``noalias``).
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from typing import Final

import numpy as np

from tvmscript.core.ir.dtype import DataType


@dataclass(frozen=True, slots=True)
class Value:
    """An LLVM value: its type's text and its reference (``%t3``, ``1.0``, ...)."""

    type: str
    ref: str

    def typed(self) -> str:
        return f"{self.type} {self.ref}"


_SCALARS: Final[dict[str, str]] = {
    "bool": "i1",
    "int8": "i8",
    "int16": "i16",
    "int32": "i32",
    "int64": "i64",
    "uint8": "i8",
    "uint16": "i16",
    "uint32": "i32",
    "uint64": "i64",
    "float16": "half",
    "float32": "float",
    "float64": "double",
    "bfloat16": "float",  # computed in float32; stored as 16 bits (see `mem_type`)
    "handle": "ptr",
}
_MEMORY: Final[dict[str, str]] = {"bool": "i8", "bfloat16": "i16"}


class UnsupportedType(ValueError):
    """A dtype the CPU code generator has no LLVM type for."""


def scalar_type(dtype: str) -> str:
    """The LLVM register type of one lane of ``dtype``."""
    t = DataType.of(dtype)
    elem = t.element() if t.lanes > 1 else dtype
    if (ty := _SCALARS.get(elem)) is None:
        raise UnsupportedType(f"data type '{dtype}' is not supported by the CPU code generator")
    return ty


def reg_type(dtype: str) -> str:
    """The LLVM register type of ``dtype`` (vectors as ``<n x T>``)."""
    lanes = DataType.of(dtype).lanes
    ty = scalar_type(dtype)
    return ty if lanes == 1 else f"<{lanes} x {ty}>"


def mem_type(dtype: str) -> str:
    """The LLVM type of ``dtype`` in memory (bool is a byte, bfloat16 16 bits)."""
    t = DataType.of(dtype)
    elem = t.element()
    ty = _MEMORY.get(elem) or scalar_type(elem)
    return ty if t.lanes == 1 else f"<{t.lanes} x {ty}>"


def vector_of(ty: str, lanes: int) -> str:
    """``ty`` with ``lanes`` lanes (itself for one)."""
    return ty if lanes == 1 else f"<{lanes} x {ty}>"


def element_of(ty: str) -> str:
    """The lane type of LLVM type ``ty``."""
    if ty.startswith("<"):
        return ty[1:-1].split(" x ", 1)[1]
    return ty


def lanes_of(ty: str) -> int:
    """The lane count of LLVM type ``ty``."""
    if ty.startswith("<"):
        return int(ty[1:].split(" x ", 1)[0])
    return 1


def float_text(value: float, ty: str) -> str:
    """A floating constant of LLVM type ``ty`` (exactly representable, hex when needed)."""
    if ty == "half":
        value = float(np.float16(value))
    elif ty == "float":
        value = float(np.float32(value)) if math.isfinite(value) else value
    if math.isnan(value):
        return "0x7FF8000000000000"
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    return f"0x{bits:016X}"


def const_int(ty: str, value: int) -> Value:
    """An integer constant."""
    return Value(ty, str(value))


def splat_text(elem: Value, lanes: int) -> Value:
    """A constant vector of ``lanes`` copies of the constant ``elem``."""
    return Value(f"<{lanes} x {elem.type}>", "<" + ", ".join([elem.typed()] * lanes) + ">")


@dataclass
class Block:
    """A basic block: a label and its instruction lines."""

    label: str
    lines: list[str] = field(default_factory=list)
    terminated: bool = False


class FunctionBuilder:
    """Builds one function: blocks of instructions, fresh names, entry-block allocas."""

    def __init__(self, name: str, ret: str, params: list[str], attrs: str = "") -> None:
        self.name = name
        self.ret = ret
        self.params = params
        self.attrs = attrs
        self.counter = 0
        self.needs: set[str] = set()  # declarations the body calls (module-level lines)
        self.entry = Block("entry")
        self.blocks: list[Block] = [self.entry]
        first = self.new_block("body")
        self.cur = first
        self.blocks.append(first)

    def fresh(self, hint: str = "t") -> str:
        self.counter += 1
        return f"%{hint}{self.counter}"

    def new_block(self, hint: str) -> Block:
        self.counter += 1
        return Block(f"{hint}{self.counter}")

    def place(self, block: Block) -> None:
        """Append ``block`` to the function and continue emitting there."""
        self.blocks.append(block)
        self.cur = block

    def emit(self, line: str) -> None:
        if not self.cur.terminated:
            self.cur.lines.append(line)

    def op(self, ty: str, text: str, hint: str = "t") -> Value:
        """Emit ``%name = text`` producing a value of type ``ty``."""
        if self.cur.terminated:
            return Value(ty, "poison")
        name = self.fresh(hint)
        self.cur.lines.append(f"  {name} = {text}")
        return Value(ty, name)

    def terminate(self, line: str) -> None:
        if not self.cur.terminated:
            self.cur.lines.append(line)
            self.cur.terminated = True

    def br(self, target: Block) -> None:
        self.terminate(f"  br label %{target.label}")

    def cond_br(self, cond: Value, then: Block, other: Block) -> None:
        self.terminate(f"  br i1 {cond.ref}, label %{then.label}, label %{other.label}")

    def alloca(self, ty: str, count: int, align: int) -> Value:
        name = self.fresh("stack")
        self.entry.lines.append(f"  {name} = alloca {ty}, i64 {count}, align {align}")
        return Value("ptr", name)

    def text(self) -> str:
        out = [f"define {self.ret} @{self.name}({', '.join(self.params)}) {self.attrs} {{"]
        self.entry.lines.append(f"  br label %{self.blocks[1].label}")
        for block in self.blocks:
            out.append(f"{block.label}:")
            out.extend(block.lines)
            if not block.terminated and block is not self.entry:
                out.append("  unreachable")
        out.append("}")
        return "\n".join(out)
