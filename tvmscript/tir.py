"""TIR: the IR of tensor kernels, and the ``T`` namespace of TVMScript.

Use it as ``from tvmscript import tir as T``. ``T`` holds the builder functions
(``T.sblock``, ``T.grid``, ``T.exp``, ...), the dtype constructors (``T.int32``,
``T.float32x4``, ...), the IR classes written in TVMScript text (``T.Cast``, ``T.Ramp``,
``T.Select``, ...), TVM 0.27's device namespaces (``T.cuda``, ``T.ptx``, ``T.tile``, ...) and
the ``@T.prim_func``/``@T.macro``/``@T.inline``/``@T.jit`` decorators.
"""

from tvmscript.core.tir.buffer import BufferRegion, MatchBufferRegion
from tvmscript.core.tir.device import ExecScope, ScopeIdDef
from tvmscript.core.tir.expr import (
    Cast,
    CommReducer,
    FloatImm,
    IntImm,
    IterVar,
    Op,
    PointerType,
    PrimExpr,
    PrimType,
    SizeVar,
    StringImm,
    TupleType,
)
from tvmscript.core.tir.function import PrimFunc
from tvmscript.core.tir.op import CallEffectKind
from tvmscript.core.tir.stmt import ForKind, SBlock, SBlockRealize, Stmt
from tvmscript.script.ir_builder import tir as builder  # noqa: F401  (TVM's T.builder)
from tvmscript.script.ir_builder.tir import *  # noqa: F403  (the builder functions)
from tvmscript.script.ir_builder.tir import DTYPE_ALIASES, DTYPE_CONSTRUCTORS, axis, boolean
from tvmscript.script.ir_builder.tir.misc import Let, strict_range
from tvmscript.script.ir_builder.tir.node_constructors import (
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
    Div,
    FloorDiv,
    FloorMod,
    Max,
    Min,
    Mod,
    Mul,
    Not,
    Or,
    Ramp,
    Select,
    Shuffle,
    Sub,
    Var,
)  # fmt: skip
from tvmscript.script.parser import tir as parser  # noqa: F401  (TVM's T.parser)
from tvmscript.script.parser.imports import LegacyName
from tvmscript.script.parser.tir.entry import inline, jit, macro, prim_func

# Registration of the dtype constructors by name: T.int8 ... T.float4_e2m1fnx64, T.i32, ...
globals().update(DTYPE_CONSTRUCTORS)
globals().update({alias: DTYPE_CONSTRUCTORS[name] for alias, name in DTYPE_ALIASES.items()})
globals()["bool"] = boolean
broadcast = Broadcast
ramp = Ramp
"""``T.ramp`` / ``T.broadcast``: TVM's lowercase aliases of the node classes."""
Range = strict_range  # type: ignore[assignment]  # T.Range(begin, end): both required
# TVM before 0.27 spelled blocks `T.block`: read as `T.sblock`, with a hint where it is used.
block = LegacyName(sblock, "TVM 0.27 renamed T.block to T.sblock; tvmscript reads both")  # noqa: F405
block_attr = sblock_attr  # noqa: F405

__all__ = [  # noqa: RUF022
    "Add", "And", "Broadcast", "BufferLoad", "BufferRegion", "Call", "CallEffectKind", "Cast",
    "CommReducer", "Div", "EQ", "FloatImm", "FloorDiv", "FloorMod", "ForKind", "GE", "GT",
    "IntImm", "IterVar", "LE", "LT", "Let", "MatchBufferRegion", "Max", "Min", "Mod", "Mul",
    "NE", "Not", "Op", "Or", "PointerType", "PrimExpr", "PrimFunc", "PrimType", "Ramp", "Range",
    "SBlock", "SBlockRealize", "Select", "Shuffle", "SizeVar", "Stmt", "StringImm", "Sub",
    "TupleType", "Var", "axis", "block", "block_attr", "broadcast", "macro", "prim_func", "ramp",
    "ExecScope", "ScopeIdDef", "inline", "jit",
]  # fmt: skip
