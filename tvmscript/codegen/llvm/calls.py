"""Intrinsic calls: math, bit operations, ``if_then_else``, ``call_extern``, ``call_llvm_intrin``.

Math goes to LLVM intrinsics, to libm lane by lane, or to our vector functions (`mathfn`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from tvmscript.codegen.llvm import ir_text as T
from tvmscript.codegen.llvm.exprs import ExprLowering, is_float, is_unsigned, lanes
from tvmscript.codegen.llvm.ir_text import Value
from tvmscript.codegen.llvm.mathfn import FLOAT32_FUNCTIONS
from tvmscript.core.ir.dtype import DataType
from tvmscript.core.ir.op import Op
from tvmscript.core.tir import expr as E

# TIR intrinsic -> LLVM intrinsic (overloaded on the float type; LLVM scalarises vectors).
_LLVM_UNARY: Final = {
    "tir.sqrt": "sqrt",
    "tir.fabs": "fabs",
    "tir.floor": "floor",
    "tir.ceil": "ceil",
    "tir.trunc": "trunc",
    "tir.round": "nearbyint",
    "tir.nearbyint": "nearbyint",
    "tir.exp2": "exp2",
    "tir.exp10": "exp10",
    "tir.log2": "log2",
    "tir.log10": "log10",
    "tir.sin": "sin",
    "tir.cos": "cos",
    "tir.tan": "tan",
    "tir.asin": "asin",
    "tir.acos": "acos",
    "tir.atan": "atan",
    "tir.sinh": "sinh",
    "tir.cosh": "cosh",
}
_LLVM_BINARY: Final = {"tir.pow": "pow", "tir.copysign": "copysign"}
# TIR intrinsic -> C math function (``f`` suffix for float32), called lane by lane.
_LIBM: Final = {
    "tir.log1p": "log1p",
    "tir.asinh": "asinh",
    "tir.acosh": "acosh",
    "tir.atanh": "atanh",
    "tir.erf": "erf",
    "tir.atan2": "atan2",
    "tir.hypot": "hypot",
    "tir.nextafter": "nextafter",
    "tir.exp": "exp",
    "tir.log": "log",
    "tir.tanh": "tanh",
}
_BITWISE: Final = {
    "tir.bitwise_and": "and",
    "tir.bitwise_or": "or",
    "tir.bitwise_xor": "xor",
    "tir.shift_left": "shl",
}


class CallLowering(ExprLowering):
    """Lowers `Call` nodes; the statement lowering adds buffers and packed calls."""

    def call(self, e: E.Call) -> Value:
        if not isinstance(e.op, Op):
            raise self.error("calls of other functions are not supported by the CPU backend", e)
        name = e.op.name
        if (handler := self._call_handlers().get(name)) is not None:
            return handler(e)
        if (
            name in _LLVM_UNARY
            or name in _LLVM_BINARY
            or name in _LIBM
            or name in FLOAT32_FUNCTIONS
        ):
            return self.math(e, name)
        if name in _BITWISE or name == "tir.shift_right":
            a, b = self.expr(e.args[0]), self.expr(e.args[1])
            op = _BITWISE.get(name) or ("lshr" if is_unsigned(e.dtype) else "ashr")
            return self.fb.op(a.type, f"{op} {a.typed()}, {b.ref}")
        raise self.error(f"intrinsic '{name}' is not supported on the CPU target", e)

    def _call_handlers(self) -> dict[str, Callable[[E.Call], Value]]:
        return {
            "tir.if_then_else": self.if_then_else,
            "tir.likely": lambda e: self.expr(e.args[0]),
            "tir.assume": lambda e: self.const("bool", 1),
            "tir.bitwise_not": self.bitwise_not,
            "tir.rsqrt": self.rsqrt,
            "tir.fmod": self.fmod,
            "tir.fma": self.fma,
            "tir.ldexp": self.ldexp,
            "tir.isnan": self.isnan,
            "tir.isinf": self.isinf,
            "tir.isfinite": self.isfinite,
            "tir.popcount": self.popcount,
            "tir.clz": self.clz,
            "tir.reinterpret": self.reinterpret,
            "tir.call_extern": self.call_extern,
            "tir.call_pure_extern": self.call_extern,
            "tir.call_llvm_intrin": self.call_llvm_intrin,
            "tir.call_llvm_pure_intrin": self.call_llvm_intrin,
            "tir.isnullptr": self.isnullptr,
            "tir.undef": lambda e: Value(T.reg_type(e.dtype), "poison"),
        }

    # -- math ---------------------------------------------------------------------------------

    def math(self, e: E.Call, name: str) -> Value:
        args = [self.expr(a) for a in e.args]
        dtype = e.dtype
        elem = DataType.of(dtype).element()
        if elem in ("float16", "bfloat16") or not is_float(dtype):
            # Compute in float32 (half has no libm; integers are converted, as TVM casts).
            n = lanes(dtype)
            f32 = "float32" if n == 1 else f"float32x{n}"
            wide = [self.cast(a, x.dtype, f32) for a, x in zip(args, e.args, strict=True)]
            out = self.math_float(name, wide, f32)
            return self.cast(out, f32, dtype)
        return self.math_float(name, args, dtype)

    def math_float(self, name: str, args: list[Value], dtype: str) -> Value:
        ty = args[0].type
        if DataType.of(dtype).element() == "float32" and (fn := FLOAT32_FUNCTIONS.get(name)):
            return fn(self.fb, args[0])
        suffix = self.int_suffix(ty)
        if (intr := _LLVM_UNARY.get(name)) is not None:
            return self.call_intrinsic(f"llvm.{intr}.{suffix}", ty, args[:1])
        if (intr := _LLVM_BINARY.get(name)) is not None:
            return self.call_intrinsic(f"llvm.{intr}.{suffix}", ty, args[:2])
        base = _LIBM[name]
        cname = base + ("f" if T.element_of(ty) == "float" else "")
        return self.lanewise(cname, T.element_of(ty), args)

    def lanewise(self, cname: str, elem: str, args: list[Value]) -> Value:
        """``cname`` (a C function of scalars) applied lane by lane."""
        n = T.lanes_of(args[0].type)
        decl = f"declare {elem} @{cname}({', '.join([elem] * len(args))}) nounwind"
        self.fb.needs.add(decl)
        if n == 1:
            return self.fb.op(elem, f"call {elem} @{cname}({', '.join(a.typed() for a in args)})")
        out = Value(args[0].type, "poison")
        for i in range(n):
            lane = [self.fb.op(elem, f"extractelement {a.typed()}, i32 {i}") for a in args]
            r = self.fb.op(elem, f"call {elem} @{cname}({', '.join(x.typed() for x in lane)})")
            out = self.fb.op(out.type, f"insertelement {out.typed()}, {r.typed()}, i32 {i}")
        return out

    def rsqrt(self, e: E.Call) -> Value:
        x = self.math(E.Call(e.dtype, Op("tir.sqrt"), e.args), "tir.sqrt")
        one = self.const(e.dtype, 1.0)
        return self.fb.op(x.type, f"fdiv {one.typed()}, {x.ref}")

    def fmod(self, e: E.Call) -> Value:
        a, b = self.expr(e.args[0]), self.expr(e.args[1])
        return self.fb.op(a.type, f"frem {a.typed()}, {b.ref}")

    def fma(self, e: E.Call) -> Value:
        args = [self.expr(a) for a in e.args]
        ty = args[0].type
        if not is_float(e.dtype):
            m = self.fb.op(ty, f"mul {args[0].typed()}, {args[1].ref}")
            return self.fb.op(ty, f"add {m.typed()}, {args[2].ref}")
        return self.call_intrinsic(f"llvm.fma.{self.int_suffix(ty)}", ty, args)

    def ldexp(self, e: E.Call) -> Value:
        x, n = self.expr(e.args[0]), self.expr(e.args[1])
        n = self.cast(
            n, e.args[1].dtype, "int32" if lanes(e.dtype) == 1 else f"int32x{lanes(e.dtype)}"
        )
        name = f"llvm.ldexp.{self.int_suffix(x.type)}.{self.int_suffix(n.type)}"
        return self.call_intrinsic(name, x.type, [x, n])

    def isnan(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        bty = T.vector_of("i1", T.lanes_of(x.type))
        if not is_float(e.args[0].dtype):
            return Value(bty, "false" if bty == "i1" else "zeroinitializer")
        return self.fb.op(bty, f"fcmp uno {x.typed()}, {x.ref}")

    def _abs_vs_inf(self, e: E.Call, pred: str, int_result: bool) -> Value:
        x = self.expr(e.args[0])
        bty = T.vector_of("i1", T.lanes_of(x.type))
        if not is_float(e.args[0].dtype):
            return self.const(DataType.of(e.args[0].dtype).with_lanes_bool(), int(int_result))
        ax = self.call_intrinsic(f"llvm.fabs.{self.int_suffix(x.type)}", x.type, [x])
        inf = self.const(e.args[0].dtype, float("inf"))
        return self.fb.op(bty, f"fcmp {pred} {ax.typed()}, {inf.ref}")

    def isinf(self, e: E.Call) -> Value:
        return self._abs_vs_inf(e, "oeq", False)

    def isfinite(self, e: E.Call) -> Value:
        return self._abs_vs_inf(e, "olt", True)

    def popcount(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        return self.call_intrinsic(f"llvm.ctpop.{self.int_suffix(x.type)}", x.type, [x])

    def clz(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        name = f"llvm.ctlz.{self.int_suffix(x.type)}"
        r = self.call_intrinsic(name, x.type, [x, Value("i1", "false")])
        return self.cast(r, e.args[0].dtype, e.dtype)

    def bitwise_not(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        return self.fb.op(x.type, f"xor {x.typed()}, {self.const(e.dtype, -1).ref}")

    def reinterpret(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        src, dst = e.args[0].dtype, e.dtype
        if DataType.of(src).element() == "bfloat16":
            x = self.bf16_bits(x)
        to = T.reg_type(dst)
        if DataType.of(dst).element() == "bfloat16":
            n = lanes(dst)
            wide = self.fb.op(T.vector_of("i32", n), f"zext {x.typed()} to {T.vector_of('i32', n)}")
            sh = self.fb.op(
                wide.type,
                f"shl {wide.typed()}, {self.const('int32' if n == 1 else f'int32x{n}', 16).ref}",
            )
            return self.fb.op(to, f"bitcast {sh.typed()} to {to}")
        if x.type == to:
            return x
        if to == "ptr":
            return self.fb.op(to, f"inttoptr {x.typed()} to ptr")
        if x.type == "ptr":
            return self.fb.op(to, f"ptrtoint {x.typed()} to {to}")
        return self.fb.op(to, f"bitcast {x.typed()} to {to}")

    def isnullptr(self, e: E.Call) -> Value:
        x = self.expr(e.args[0])
        return self.fb.op("i1", f"icmp eq {x.typed()}, null")

    # -- control ------------------------------------------------------------------------------

    def if_then_else(self, e: E.Call) -> Value:
        cond_e, then_e, else_e = e.args
        c = self.to_bool(cond_e)
        if T.lanes_of(c.type) > 1 or lanes(e.dtype) > 1:
            return self.masked_select(c, then_e, else_e, lanes(e.dtype))
        fb = self.fb
        then_b, else_b, done = fb.new_block("then"), fb.new_block("else"), fb.new_block("endif")
        fb.cond_br(c, then_b, else_b)
        fb.place(then_b)
        t = self.expr(then_e)
        t_from = fb.cur.label
        fb.br(done)
        fb.place(else_b)
        f = self.expr(else_e)
        f_from = fb.cur.label
        fb.br(done)
        fb.place(done)
        return fb.op(t.type, f"phi {t.type} [ {t.ref}, %{t_from} ], [ {f.ref}, %{f_from} ]")

    def masked_select(self, c: Value, then_e: E.PrimExpr, else_e: E.PrimExpr, n: int) -> Value:
        """Both sides, each loading only in its own lanes, then a select."""
        c = self.splat(c, n)
        saved = self.mask
        self.mask = c if saved is None else self.fb.op(c.type, f"and {c.typed()}, {saved.ref}")
        t = self.splat(self.expr(then_e), n)
        inv = self.fb.op(c.type, f"xor {c.typed()}, {self.const(f'boolx{n}', 1).ref}")
        self.mask = inv if saved is None else self.fb.op(c.type, f"and {inv.typed()}, {saved.ref}")
        f = self.splat(self.expr(else_e), n)
        self.mask = saved
        return self.fb.op(t.type, f"select {c.typed()}, {t.typed()}, {f.typed()}")

    # -- external functions -------------------------------------------------------------------

    def call_extern(self, e: E.Call) -> Value:
        name_e, *rest = e.args
        if not isinstance(name_e, E.StringImm):
            raise self.error("call_extern expects the function name first", e)
        args = [self.expr(a) for a in rest]
        ret = "void" if e.dtype == "void" else T.reg_type(e.dtype)
        decl = f"declare {ret} @{name_e.value}({', '.join(a.type for a in args)})"
        self.fb.needs.add(decl)
        text = f"call {ret} @{name_e.value}({', '.join(a.typed() for a in args)})"
        if ret == "void":
            self.fb.emit(f"  {text}")
            return Value("i32", "0")
        return self.fb.op(ret, text)

    def call_llvm_intrin(self, e: E.Call) -> Value:
        name_e, *rest = e.args
        if not isinstance(name_e, E.StringImm):
            raise self.error("call_llvm_intrin expects the intrinsic's name first", e)
        if rest and isinstance(rest[0], E.IntImm) and rest[0].dtype == "uint32":
            rest = rest[1:]  # TVM's old signature-count argument
        args = [self.expr(a) for a in rest]
        ret = "void" if e.dtype == "void" else T.reg_type(e.dtype)
        name = name_e.value
        if name.count(".") == 1 and ret != "void":  # `llvm.ctpop`: overloaded on the result
            name = f"{name}.{self.int_suffix(ret)}"
        decl = f"declare {ret} @{name}({', '.join(a.type for a in args)})"
        self.fb.needs.add(decl)
        text = f"call {ret} @{name}({', '.join(a.typed() for a in args)})"
        if ret == "void":
            self.fb.emit(f"  {text}")
            return Value("i32", "0")
        return self.fb.op(ret, text)
