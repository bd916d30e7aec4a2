"""TIR: the IR of tensor kernels, and the ``T`` namespace of TVMScript.

Use it as ``from tvmscript import tir as T``. ``T`` holds the builder functions
(``T.sblock``, ``T.grid``, ``T.exp``, ...), the dtype constructors (``T.int32``,
``T.float32x4``, ...), the IR classes written in TVMScript text (``T.Cast``, ``T.Ramp``,
``T.Select``, ...) and the ``@T.prim_func``/``@T.macro`` decorators.
"""

from tvmscript.core.tir.buffer import BufferRegion, MatchBufferRegion
from tvmscript.core.tir.expr import (
    EQ,
    GE,
    GT,
    LE,
    LT,
    NE,
    Add,
    And,
    Broadcast,
    BufferLoad,
    Call,
    Cast,
    CommReducer,
    Div,
    FloatImm,
    FloorDiv,
    FloorMod,
    IntImm,
    IterVar,
    Max,
    Min,
    Mod,
    Mul,
    Not,
    Op,
    Or,
    PointerType,
    PrimExpr,
    PrimType,
    Ramp,
    Select,
    Shuffle,
    SizeVar,
    StringImm,
    Sub,
    TupleType,
    Var,
)
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.op import CallEffectKind
from tvmscript.core.tir.stmt import ForKind, SBlock, SBlockRealize, Stmt
from tvmscript.script.ir_builder.tir import *  # noqa: F403  (the builder functions)
from tvmscript.script.ir_builder.tir import DTYPE_ALIASES, DTYPE_CONSTRUCTORS, axis, boolean
from tvmscript.script.ir_builder.tir.misc import Let
from tvmscript.script.parser.tir.entry import macro, prim_func

# Registration of the dtype constructors by name: T.int8 ... T.float4_e2m1fnx64, T.i32, ...
globals().update(DTYPE_CONSTRUCTORS)
globals().update({alias: DTYPE_CONSTRUCTORS[name] for alias, name in DTYPE_ALIASES.items()})
globals()["bool"] = boolean
broadcast = Broadcast
ramp = Ramp
block = sblock  # noqa: F405  (TVM before 0.27 spelled blocks `T.block`: read as `T.sblock`)
block_attr = sblock_attr  # noqa: F405
"""``T.ramp`` / ``T.broadcast``: TVM's lowercase aliases of the node classes."""

__all__ = [  # noqa: RUF022
    "Add", "And", "Broadcast", "BufferLoad", "BufferRegion", "Call", "CallEffectKind", "Cast",
    "CommReducer", "Div", "EQ", "FloatImm", "FloorDiv", "FloorMod", "ForKind", "GE", "GT",
    "IntImm", "IterVar", "LE", "LT", "Let", "MatchBufferRegion", "Max", "Min", "Mod", "Mul",
    "NE", "Not", "Op", "Or", "PointerType", "PrimExpr", "PrimFunc", "PrimType", "Ramp",
    "SBlock", "SBlockRealize", "Select", "Shuffle", "SizeVar", "Stmt", "StringImm", "Sub",
    "TupleType", "Var", "axis", "block", "block_attr", "broadcast", "macro", "prim_func", "ramp",
]  # fmt: skip
