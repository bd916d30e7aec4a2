"""TIR expressions to LLVM instructions (scalars and vectors alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from tvmscript.codegen.llvm import ir_text as T
from tvmscript.codegen.llvm.errors import CodegenError
from tvmscript.codegen.llvm.ir_text import FunctionBuilder, Value
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.tir import expr as E

_INT_CMP: Final = {E.EQ: "eq", E.NE: "ne", E.LT: "slt", E.LE: "sle", E.GT: "sgt", E.GE: "sge"}
_UINT_CMP: Final = {E.EQ: "eq", E.NE: "ne", E.LT: "ult", E.LE: "ule", E.GT: "ugt", E.GE: "uge"}
_FLOAT_CMP: Final = {E.EQ: "oeq", E.NE: "one", E.LT: "olt", E.LE: "ole", E.GT: "ogt", E.GE: "oge"}


def is_float(dtype: str) -> bool:
    """Whether ``dtype`` is a floating type (any lanes)."""
    return DataType.of(dtype).is_float


def is_unsigned(dtype: str) -> bool:
    """Whether ``dtype`` compares and divides unsigned (uint, bool)."""
    t = DataType.of(dtype)
    return t.is_uint or t.is_bool


def lanes(dtype: str) -> int:
    """The lane count of ``dtype``."""
    return DataType.of(dtype).lanes


class ExprLowering:
    """Lowers expressions into ``fb``; ``values`` maps TIR variables to LLVM values."""

    def __init__(self, fb: FunctionBuilder, values: dict[E.Var, Value]) -> None:
        self.fb = fb
        self.values = values
        self.mask: Value | None = None  # lanes whose loads may run (if_then_else, predicates)
        self.reduction: E.PrimExpr | None = None  # the update of an accumulation being stored
        self.span: Any = None
        self._expr_fns: dict[type, Callable[[Any], Value]] = {
            E.Var: self.var,
            E.SizeVar: self.var,
            E.IntImm: self.int_imm,
            E.FloatImm: self.float_imm,
            E.StringImm: self.string_imm,
            E.Cast: self.cast_expr,
            E.Add: self.binary,
            E.Sub: self.binary,
            E.Mul: self.binary,
            E.Div: self.binary,
            E.Mod: self.binary,
            E.FloorDiv: self.binary,
            E.FloorMod: self.binary,
            E.Min: self.binary,
            E.Max: self.binary,
            E.EQ: self.compare,
            E.NE: self.compare,
            E.LT: self.compare,
            E.LE: self.compare,
            E.GT: self.compare,
            E.GE: self.compare,
            E.And: self.logical,
            E.Or: self.logical,
            E.Not: self.logical_not,
            E.Select: self.select,
            E.BufferLoad: self.buffer_load,
            E.Ramp: self.ramp,
            E.Broadcast: self.broadcast_expr,
            E.Shuffle: self.shuffle,
            E.Let: self.let,
            E.Call: self.call,
        }

    # -- helpers ------------------------------------------------------------------------------

    def error(self, message: str, node: object = None) -> CodegenError:
        span = getattr(node, "span", None) or self.span
        return CodegenError(message, span)

    def expr(self, e: E.PrimExpr) -> Value:
        fn = self._expr_fns.get(type(e))
        if fn is None:
            raise self.error(f"cannot generate code for a {type(e).__name__} expression", e)
        return fn(e)

    def const(self, dtype: str, value: int | float) -> Value:
        ty = T.scalar_type(dtype)
        if ty in ("half", "float", "double"):
            text = T.float_text(float(value), ty)
        elif ty == "i1":
            text = "true" if value else "false"
        else:
            bits = int(ty[1:])
            v = int(value) & ((1 << bits) - 1)
            text = str(v - (1 << bits) if v >= 1 << (bits - 1) else v)
        n = lanes(dtype)
        if n == 1:
            return Value(ty, text)
        return T.splat_text(Value(ty, text), n)

    def splat(self, v: Value, n: int) -> Value:
        if T.lanes_of(v.type) == n:
            return v
        vt = f"<{n} x {v.type}>"
        one = self.fb.op(
            f"<1 x {v.type}>", f"insertelement <1 x {v.type}> poison, {v.typed()}, i32 0"
        )
        return self.fb.op(
            vt, f"shufflevector {one.typed()}, <1 x {v.type}> poison, <{n} x i32> zeroinitializer"
        )

    def call_intrinsic(self, name: str, ret: str, args: list[Value]) -> Value:
        decl = f"declare {ret} @{name}({', '.join(a.type for a in args)})"
        self.fb.needs.add(decl)
        return self.fb.op(ret, f"call {ret} @{name}({', '.join(a.typed() for a in args)})")

    def int_suffix(self, ty: str) -> str:
        n = T.lanes_of(ty)
        elem = T.element_of(ty)
        code = {"half": "f16", "float": "f32", "double": "f64", "ptr": "p0"}.get(elem, elem)
        return code if n == 1 else f"v{n}{code}"

    # -- leaves -------------------------------------------------------------------------------

    def var(self, e: E.Var) -> Value:
        if (v := self.values.get(e)) is None:
            raise self.error(f"variable '{e.name}' is used where it is not defined", e)
        return v

    def int_imm(self, e: E.IntImm) -> Value:
        return self.const(e.dtype, e.value)

    def float_imm(self, e: E.FloatImm) -> Value:
        value = e.value
        if DataType.of(e.dtype).element() == "bfloat16":
            value = _round_bf16(value)
        return self.const(e.dtype, value)

    def string_imm(self, e: E.StringImm) -> Value:
        raise self.error("a string is only allowed as a call argument", e)

    # -- conversions --------------------------------------------------------------------------

    def cast_expr(self, e: E.Cast) -> Value:
        return self.cast(self.expr(e.value), e.value.dtype, e.dtype)

    def cast(self, v: Value, src: str, dst: str) -> Value:  # noqa: C901 (one case per kind)
        st, dt = DataType.of(src), DataType.of(dst)
        n = dt.lanes
        if st.lanes == 1 and n > 1:
            v = self.splat(v, n)
        src_ty, dst_ty = T.scalar_type(src), T.scalar_type(dst)
        to = T.vector_of(dst_ty, n)
        if dt.element() == "bfloat16" and st.element() != "bfloat16":
            as_float = self.cast(v, st.with_lanes(n) if n > 1 else st.element(), _f32(n))
            return self.round_bf16(as_float)
        if st.element() == "bfloat16":
            src_ty = "float"
            if dt.element() == "bfloat16":
                return v
            return self.cast(v, _f32(n), dst)
        if dt.is_bool:
            if st.is_bool:
                return v
            if st.is_float:
                return self.fb.op(to, f"fcmp une {v.typed()}, {self.zero_like(v).ref}")
            if st.is_handle:
                return self.fb.op(to, f"icmp ne {v.typed()}, null")
            return self.fb.op(to, f"icmp ne {v.typed()}, {self.zero_like(v).ref}")
        if src_ty == dst_ty:
            return Value(to, v.ref)
        if dt.is_handle:
            return self.fb.op(to, f"inttoptr {v.typed()} to {to}")
        if st.is_handle:
            return self.fb.op(to, f"ptrtoint {v.typed()} to {to}")
        if st.is_float and dt.is_float:
            op = "fpext" if _fbits(src_ty) < _fbits(dst_ty) else "fptrunc"
            return self.fb.op(to, f"{op} {v.typed()} to {to}")
        if st.is_float:
            op = "fptoui" if dt.is_uint else "fptosi"
            return self.fb.op(to, f"{op} {v.typed()} to {to}")
        if dt.is_float:
            op = "uitofp" if is_unsigned(src) else "sitofp"
            return self.fb.op(to, f"{op} {v.typed()} to {to}")
        sb, db = int(src_ty[1:]), int(dst_ty[1:])
        if sb > db:
            return self.fb.op(to, f"trunc {v.typed()} to {to}")
        op = "zext" if is_unsigned(src) else "sext"
        return self.fb.op(to, f"{op} {v.typed()} to {to}")

    def zero_like(self, v: Value) -> Value:
        elem = T.element_of(v.type)
        text = T.float_text(0.0, elem) if elem in ("half", "float", "double") else "0"
        n = T.lanes_of(v.type)
        return Value(v.type, text) if n == 1 else Value(v.type, "zeroinitializer")

    def round_bf16(self, v: Value) -> Value:
        """Round float32 lanes to bfloat16 precision (to nearest even; NaN stays NaN)."""
        bits = self.bf16_bits(v)
        n = T.lanes_of(v.type)
        wide = self.fb.op(T.vector_of("i32", n), f"zext {bits.typed()} to {T.vector_of('i32', n)}")
        shifted = self.fb.op(wide.type, f"shl {wide.typed()}, {self.const(_i32(n), 16).ref}")
        return self.fb.op(v.type, f"bitcast {shifted.typed()} to {v.type}")

    def bf16_bits(self, v: Value) -> Value:
        """The bfloat16 bit pattern (i16 lanes) of float32 lanes, rounded to nearest even."""
        n = T.lanes_of(v.type)
        i32 = T.vector_of("i32", n)
        bits = self.fb.op(i32, f"bitcast {v.typed()} to {i32}")
        odd = self.fb.op(i32, f"lshr {bits.typed()}, {self.const(_i32(n), 16).ref}")
        odd = self.fb.op(i32, f"and {odd.typed()}, {self.const(_i32(n), 1).ref}")
        bias = self.fb.op(i32, f"add {odd.typed()}, {self.const(_i32(n), 0x7FFF).ref}")
        rounded = self.fb.op(i32, f"add {bits.typed()}, {bias.ref}")
        top = self.fb.op(i32, f"lshr {rounded.typed()}, {self.const(_i32(n), 16).ref}")
        isnan = self.fb.op(T.vector_of("i1", n), f"fcmp uno {v.typed()}, {v.ref}")
        nan = self.const(_i32(n), 0x7FC0)
        top = self.fb.op(i32, f"select {isnan.typed()}, {nan.typed()}, {top.typed()}")
        return self.fb.op(T.vector_of("i16", n), f"trunc {top.typed()} to {T.vector_of('i16', n)}")

    # -- arithmetic ---------------------------------------------------------------------------

    def binary(self, e: E.BinaryOp) -> Value:
        a, b = self.expr(e.a), self.expr(e.b)
        if e is self.reduction:
            if isinstance(e, E.Add):
                return self.fb.op(a.type, f"fadd reassoc contract {a.typed()}, {b.ref}")
            name = "maximum" if isinstance(e, E.Max) else "minimum"
            return self.call_intrinsic(f"llvm.{name}.{self.int_suffix(a.type)}", a.type, [a, b])
        return self.arith(type(e), a, b, e.dtype)

    def arith(self, op: type[E.BinaryOp], a: Value, b: Value, dtype: str) -> Value:
        fb = self.fb
        ty = a.type
        if is_float(dtype):
            # `contract`: a multiply may fuse with the add that uses it (TVM builds with
            # FP-op fusion on, so its kernels use FMA)
            simple = {
                E.Add: "fadd contract",
                E.Sub: "fsub contract",
                E.Mul: "fmul contract",
                E.Div: "fdiv",
                E.Mod: "frem",
            }
            if (name := simple.get(op)) is not None:
                return fb.op(ty, f"{name} {a.typed()}, {b.ref}")
            if op in (E.Min, E.Max):
                pred = "olt" if op is E.Min else "ogt"
                c = fb.op(T.vector_of("i1", T.lanes_of(ty)), f"fcmp {pred} {a.typed()}, {b.ref}")
                return fb.op(ty, f"select {c.typed()}, {a.typed()}, {b.typed()}")
            q = fb.op(ty, f"fdiv {a.typed()}, {b.ref}")
            q = self.call_intrinsic(f"llvm.floor.{self.int_suffix(ty)}", ty, [q])
            if op is E.FloorDiv:
                return q
            return fb.op(ty, f"fsub {a.typed()}, {fb.op(ty, f'fmul {q.typed()}, {b.ref}').ref}")
        unsigned = is_unsigned(dtype)
        wrap = "" if unsigned or T.element_of(ty) in ("i8", "i16", "i1") else " nsw"
        simple_int = {E.Add: "add", E.Sub: "sub", E.Mul: "mul"}
        if (name := simple_int.get(op)) is not None:
            return fb.op(ty, f"{name}{wrap} {a.typed()}, {b.ref}")
        if op in (E.Min, E.Max):
            pred = ("ult" if unsigned else "slt") if op is E.Min else ("ugt" if unsigned else "sgt")
            c = fb.op(T.vector_of("i1", T.lanes_of(ty)), f"icmp {pred} {a.typed()}, {b.ref}")
            return fb.op(ty, f"select {c.typed()}, {a.typed()}, {b.typed()}")
        b = self.safe_divisor(b)
        if unsigned:
            name = "udiv" if op in (E.Div, E.FloorDiv) else "urem"
            return fb.op(ty, f"{name} {a.typed()}, {b.ref}")
        if op is E.Div:
            return fb.op(ty, f"sdiv {a.typed()}, {b.ref}")
        if op is E.Mod:
            return fb.op(ty, f"srem {a.typed()}, {b.ref}")
        return self.floor_div_mod(op is E.FloorDiv, a, b)

    def safe_divisor(self, b: Value) -> Value:
        """A divisor that is never zero (integer division by zero would kill the process)."""
        if b.ref.lstrip("-").isdigit() and b.ref != "0":
            return b
        one = (
            Value(b.type, "1")
            if T.lanes_of(b.type) == 1
            else T.splat_text(Value(T.element_of(b.type), "1"), T.lanes_of(b.type))
        )
        zero = self.zero_like(b)
        isz = self.fb.op(T.vector_of("i1", T.lanes_of(b.type)), f"icmp eq {b.typed()}, {zero.ref}")
        return self.fb.op(b.type, f"select {isz.typed()}, {one.typed()}, {b.typed()}")

    def floor_div_mod(self, is_div: bool, a: Value, b: Value) -> Value:
        fb = self.fb
        ty = a.type
        bty = T.vector_of("i1", T.lanes_of(ty))
        q = fb.op(ty, f"sdiv {a.typed()}, {b.ref}")
        r = fb.op(ty, f"srem {a.typed()}, {b.ref}")
        zero = self.zero_like(a)
        nz = fb.op(bty, f"icmp ne {r.typed()}, {zero.ref}")
        x = fb.op(ty, f"xor {r.typed()}, {b.ref}")
        neg = fb.op(bty, f"icmp slt {x.typed()}, {zero.ref}")
        adj = fb.op(bty, f"and {nz.typed()}, {neg.ref}")
        if is_div:
            one = fb.op(ty, f"zext {adj.typed()} to {ty}")
            return fb.op(ty, f"sub {q.typed()}, {one.ref}")
        add = fb.op(ty, f"select {adj.typed()}, {b.typed()}, {zero.typed()}")
        return fb.op(ty, f"add {r.typed()}, {add.ref}")

    def compare(self, e: E.CmpOp) -> Value:
        a, b = self.expr(e.a), self.expr(e.b)
        bty = T.vector_of("i1", T.lanes_of(a.type))
        dtype = e.a.dtype
        if is_float(dtype):
            return self.fb.op(bty, f"fcmp {_FLOAT_CMP[type(e)]} {a.typed()}, {b.ref}")
        table = _UINT_CMP if is_unsigned(dtype) or DataType.of(dtype).is_handle else _INT_CMP
        return self.fb.op(bty, f"icmp {table[type(e)]} {a.typed()}, {b.ref}")

    def logical(self, e: E.CmpOp) -> Value:
        a, b = self.to_bool(e.a), self.to_bool(e.b)
        op = "and" if isinstance(e, E.And) else "or"
        return self.fb.op(a.type, f"{op} {a.typed()}, {b.ref}")

    def to_bool(self, e: E.PrimExpr) -> Value:
        v = self.expr(e)
        if DataType.of(e.dtype).is_bool:
            return v
        return self.cast(v, e.dtype, DataType.of(e.dtype).with_lanes_bool())

    def logical_not(self, e: E.Not) -> Value:
        a = self.to_bool(e.a)
        return self.fb.op(a.type, f"xor {a.typed()}, {self.const(e.dtype, 1).ref}")

    def select(self, e: E.Select) -> Value:
        c = self.to_bool(e.condition)
        t, f = self.expr(e.true_value), self.expr(e.false_value)
        n = T.lanes_of(t.type)
        if T.lanes_of(c.type) != n:
            c = self.splat(c, n)
        return self.fb.op(t.type, f"select {c.typed()}, {t.typed()}, {f.typed()}")

    # -- vectors ------------------------------------------------------------------------------

    def ramp(self, e: E.Ramp) -> Value:
        base, stride = self.expr(e.base), self.expr(e.stride)
        n = e.lanes
        elem = base.type
        steps = "<" + ", ".join(f"{elem} {i}" for i in range(n)) + ">"
        vt = f"<{n} x {elem}>"
        if stride.ref == "1":
            offs = Value(vt, steps)
        else:
            offs = self.fb.op(vt, f"mul {vt} {steps}, {self.splat(stride, n).ref}")
        if base.ref == "0":
            return offs
        return self.fb.op(vt, f"add {vt} {self.splat(base, n).ref}, {offs.ref}")

    def broadcast_expr(self, e: E.Broadcast) -> Value:
        return self.splat(self.expr(e.value), e.lanes)

    def shuffle(self, e: E.Shuffle) -> Value:
        vectors = [self.expr(v) for v in e.vectors]
        lanes_list = [(v, i) for v in vectors for i in range(T.lanes_of(v.type))]
        elem = T.element_of(vectors[0].type)
        n = len(e.indices)
        out = Value(f"<{n} x {elem}>", "poison")
        for pos, idx in enumerate(e.indices):
            if not isinstance(idx, E.IntImm):
                raise self.error("a shuffle index must be a constant", e)
            src, lane = lanes_list[idx.value]
            if T.lanes_of(src.type) == 1:
                item = src
            else:
                item = self.fb.op(elem, f"extractelement {src.typed()}, i32 {lane}")
            out = self.fb.op(out.type, f"insertelement {out.typed()}, {item.typed()}, i32 {pos}")
        if n == 1:
            return self.fb.op(elem, f"extractelement {out.typed()}, i32 0")
        return out

    def let(self, e: E.Let) -> Value:
        self.values[e.var] = self.expr(e.value)
        return self.expr(e.body)

    # -- overridden by the statement lowering -------------------------------------------------

    def buffer_load(self, e: E.BufferLoad) -> Value:
        raise NotImplementedError

    def call(self, e: E.Call) -> Value:
        raise NotImplementedError


def _fbits(ty: str) -> int:
    return {"half": 16, "float": 32, "double": 64}[ty]


def _i32(n: int) -> str:
    return "int32" if n == 1 else f"int32x{n}"


def _f32(n: int) -> str:
    return "float32" if n == 1 else f"float32x{n}"


def _round_bf16(value: float) -> float:
    import numpy as np

    bits = int(np.array(value, np.float32).view(np.uint32))
    if value != value:
        return value
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16
    return float(np.array(bits & 0xFFFFFFFF, np.uint32).view(np.float32))
