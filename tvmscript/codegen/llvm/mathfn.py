"""Vectorizable float32 ``exp``, ``log``, ``tanh`` and ``sigmoid`` written as LLVM instructions.

LLVM has no vector libm on this platform: a vector ``llvm.exp`` becomes one scalar ``expf``
call per lane (what TVM emits). These are the Cephes single-precision approximations (about
1 ulp on the reduced range) with the IEEE special cases handled by selects, built from
operations that exist on any lane count, so they vectorize with the code around them.
"""

from __future__ import annotations

from tvmscript.codegen.llvm.ir_text import FunctionBuilder, Value, float_text, lanes_of, vector_of

_INF = float("inf")


class _Emitter:
    """Float instructions on one type (``float`` or ``<n x float>``) with splatted constants."""

    def __init__(self, fb: FunctionBuilder, ty: str) -> None:
        self.fb = fb
        self.ty = ty
        self.lanes = lanes_of(ty)
        self.ity = vector_of("i32", self.lanes)
        self.bty = vector_of("i1", self.lanes)

    def c(self, value: float) -> Value:
        return self._splat("float", float_text(value, "float"), self.ty)

    def ci(self, value: int) -> Value:
        return self._splat("i32", str(value), self.ity)

    def _splat(self, elem: str, text: str, ty: str) -> Value:
        if self.lanes == 1:
            return Value(ty, text)
        return Value(ty, "<" + ", ".join([f"{elem} {text}"] * self.lanes) + ">")

    def bin(self, op: str, a: Value, b: Value) -> Value:
        return self.fb.op(a.type, f"{op} {a.type} {a.ref}, {b.ref}")

    def add(self, a: Value, b: Value) -> Value:
        return self.bin("fadd", a, b)

    def sub(self, a: Value, b: Value) -> Value:
        return self.bin("fsub", a, b)

    def mul(self, a: Value, b: Value) -> Value:
        return self.bin("fmul", a, b)

    def div(self, a: Value, b: Value) -> Value:
        return self.bin("fdiv", a, b)

    def madd(self, a: Value, b: Value, c: Value) -> Value:
        return self.add(self.mul(a, b), c)

    def cmp(self, pred: str, a: Value, b: Value) -> Value:
        return self.fb.op(self.bty, f"fcmp {pred} {a.type} {a.ref}, {b.ref}")

    def select(self, c: Value, a: Value, b: Value) -> Value:
        return self.fb.op(a.type, f"select {c.typed()}, {a.typed()}, {b.typed()}")

    def intrin(self, name: str, a: Value) -> Value:
        suffix = "f32" if self.lanes == 1 else f"v{self.lanes}f32"
        self.fb.needs.add(f"declare {a.type} @llvm.{name}.{suffix}({a.type})")
        return self.fb.op(a.type, f"call {a.type} @llvm.{name}.{suffix}({a.typed()})")

    def to_bits(self, a: Value) -> Value:
        return self.fb.op(self.ity, f"bitcast {a.typed()} to {self.ity}")

    def from_bits(self, a: Value) -> Value:
        return self.fb.op(self.ty, f"bitcast {a.typed()} to {self.ty}")

    def ibin(self, op: str, a: Value, b: Value) -> Value:
        return self.fb.op(self.ity, f"{op} {self.ity} {a.ref}, {b.ref}")


def _pow2(f: _Emitter, n: Value) -> Value:
    """``2 ** n`` for an i32 ``n`` in [-126, 127]."""
    biased = f.ibin("add", n, f.ci(127))
    return f.from_bits(f.ibin("shl", biased, f.ci(23)))


def exp_f32(fb: FunctionBuilder, x: Value) -> Value:
    """``exp(x)`` for float32 lanes."""
    f = _Emitter(fb, x.type)
    xc = f.select(f.cmp("ogt", x, f.c(88.8)), f.c(88.8), x)
    xc = f.select(f.cmp("olt", xc, f.c(-104.0)), f.c(-104.0), xc)
    fx = f.intrin("floor", f.madd(xc, f.c(1.44269504088896341), f.c(0.5)))
    r = f.sub(xc, f.mul(fx, f.c(0.693359375)))
    r = f.sub(r, f.mul(fx, f.c(-2.12194440e-4)))
    z = f.mul(r, r)
    y = f.c(1.9875691500e-4)
    for coeff in (
        1.3981999507e-3,
        8.3334519073e-3,
        4.1665795894e-2,
        1.6666665459e-1,
        5.0000001201e-1,
    ):
        y = f.madd(y, r, f.c(coeff))
    y = f.add(f.add(f.mul(y, z), r), f.c(1.0))
    n = fb.op(f.ity, f"fptosi {fx.typed()} to {f.ity}")
    half = f.ibin("ashr", n, f.ci(1))
    rest = f.ibin("sub", n, half)
    result = f.mul(f.mul(y, _pow2(f, half)), _pow2(f, rest))
    result = f.select(f.cmp("ogt", x, f.c(88.72283935546875)), f.c(_INF), result)
    return f.select(f.cmp("uno", x, x), x, result)


def log_f32(fb: FunctionBuilder, x: Value) -> Value:
    """``log(x)`` for float32 lanes."""
    f = _Emitter(fb, x.type)
    tiny = f.cmp("olt", x, f.c(1.17549435e-38))
    xs = f.select(tiny, f.mul(x, f.c(8388608.0)), x)
    bits = f.to_bits(xs)
    expo = f.ibin("sub", f.ibin("lshr", bits, f.ci(23)), f.ci(126))
    expo = f.ibin(
        "sub", expo, fb.op(f.ity, f"select {tiny.typed()}, {f.ci(23).typed()}, {f.ci(0).typed()}")
    )
    m = f.from_bits(f.ibin("or", f.ibin("and", bits, f.ci(0x807FFFFF)), f.ci(0x3F000000)))
    e = fb.op(x.type, f"sitofp {expo.typed()} to {x.type}")
    low = f.cmp("olt", m, f.c(0.707106781186547524))
    e = f.select(low, f.sub(e, f.c(1.0)), e)
    m = f.sub(f.select(low, f.add(m, m), m), f.c(1.0))
    z = f.mul(m, m)
    y = f.c(7.0376836292e-2)
    for coeff in (
        -1.1514610310e-1,
        1.1676998740e-1,
        -1.2420140846e-1,
        1.4249322787e-1,
        -1.6668057665e-1,
        2.0000714765e-1,
        -2.4999993993e-1,
        3.3333331174e-1,
    ):
        y = f.madd(y, m, f.c(coeff))
    y = f.mul(f.mul(y, m), z)
    y = f.add(y, f.mul(e, f.c(-2.12194440e-4)))
    y = f.sub(y, f.mul(z, f.c(0.5)))
    result = f.add(f.add(m, y), f.mul(e, f.c(0.693359375)))
    result = f.select(f.cmp("oeq", x, f.c(_INF)), f.c(_INF), result)
    result = f.select(f.cmp("oeq", x, f.c(0.0)), f.c(-_INF), result)
    nan = f.cmp("ult", x, f.c(0.0))  # negative or NaN
    return f.select(nan, f.c(float("nan")), result)


def tanh_f32(fb: FunctionBuilder, x: Value) -> Value:
    """``tanh(x)`` for float32 lanes."""
    f = _Emitter(fb, x.type)
    ax = f.intrin("fabs", x)
    z = f.mul(x, x)
    p = f.c(-5.70498872745e-3)
    for coeff in (2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1, -3.33332819422e-1):
        p = f.madd(p, z, f.c(coeff))
    small = f.add(f.mul(f.mul(p, z), x), x)
    e = exp_f32(fb, f.mul(ax, f.c(2.0)))
    big = f.sub(f.c(1.0), f.div(f.c(2.0), f.add(e, f.c(1.0))))
    neg = f.cmp("olt", x, f.c(0.0))
    big = f.select(neg, fb.op(x.type, f"fneg {big.typed()}"), big)
    return f.select(f.cmp("olt", ax, f.c(0.625)), small, big)


def sigmoid_f32(fb: FunctionBuilder, x: Value) -> Value:
    """``1 / (1 + exp(-x))`` for float32 lanes."""
    f = _Emitter(fb, x.type)
    e = exp_f32(fb, fb.op(x.type, f"fneg {x.typed()}"))
    return f.div(f.c(1.0), f.add(f.c(1.0), e))


FLOAT32_FUNCTIONS = {
    "tir.exp": exp_f32,
    "tir.log": log_f32,
    "tir.tanh": tanh_f32,
    "tir.sigmoid": sigmoid_f32,
}
