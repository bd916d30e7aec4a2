"""Code generation: lowering shown as TVMScript, LLVM IR, math, dtypes, CPU-only errors."""

from __future__ import annotations

import numpy as np
import pytest

import tvmscript
from tvmscript.codegen.llvm import CodegenError, llvm_ir_text, lowered_tir_text

pytestmark = pytest.mark.codegen

SOFTMAX = """
from tvmscript import tir as T

@T.prim_func(s_tir=True)
def sm(A: T.Buffer((64, 128), "float32"), O: T.Buffer((64, 128), "float32")):
    T.func_attr({"tirx.noalias": True})
    ex = T.sblock_alloc_buffer((64, 128))
    for i in T.parallel(64):
        for j0 in range(8):
            for j1 in T.vectorized(16):
                with T.sblock("exp"):
                    vi = T.axis.spatial(64, i)
                    vj = T.axis.spatial(128, j0 * 16 + j1)
                    ex[vi, vj] = T.exp(A[vi, vj])
        for j in range(128):
            with T.sblock("copy"):
                vi, vj = T.axis.remap("SS", [i, j])
                O[vi, vj] = ex[vi, vj]
"""


def test_lowered_tir_places_and_compacts_the_intermediate() -> None:
    text = lowered_tir_text(tvmscript.from_source(SOFTMAX), "sm")
    assert "for i in T.parallel(64):" in text
    assert "ex = T.alloc_buffer((128,))" in text
    assert "T.Ramp(" in text or "j0 * 16:j0 * 16 + 16]" in text
    assert "T.sblock" not in text


def test_llvm_ir_has_vector_code_and_noalias() -> None:
    ir = llvm_ir_text(tvmscript.from_source(SOFTMAX), "sm")
    assert "<16 x float>" in ir
    assert "noalias" in ir
    assert "__tvms_parallel_launch" in ir


def test_vector_exp_matches_numpy() -> None:
    fn = tvmscript.compile(tvmscript.from_source(SOFTMAX))["sm"]
    a = np.random.default_rng(0).uniform(-80, 80, (64, 128)).astype(np.float32)
    o = np.zeros_like(a)
    fn(a, o)
    np.testing.assert_allclose(o, np.exp(a), rtol=2e-6)


MATH = """
from tvmscript import tir as T

@T.prim_func
def f(A: T.Buffer((64,), "float32"), E: T.Buffer((64,), "float32"), L: T.Buffer((64,), "float32"),
      H: T.Buffer((64,), "float32"), S: T.Buffer((64,), "float32")):
    for i0 in range(4):
        for i1 in T.vectorized(16):
            E[i0 * 16 + i1] = T.exp(A[i0 * 16 + i1])
            L[i0 * 16 + i1] = T.log(A[i0 * 16 + i1])
            H[i0 * 16 + i1] = T.tanh(A[i0 * 16 + i1])
            S[i0 * 16 + i1] = T.sigmoid(A[i0 * 16 + i1])
"""


def test_vector_math_special_values() -> None:
    fn = tvmscript.compile(tvmscript.from_source(MATH))["f"]
    special = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        1e-40,
        1e-30,
        0.3,
        -0.3,
        88.7,
        89.0,
        -87.0,
        -104.0,
        -200.0,
        np.inf,
        -np.inf,
        np.nan,
        5.0,
        -5.0,
        20.0,
        -20.0,
        1e30,
        3.4e38,
    ]
    a = np.resize(np.array(special, np.float32), 64)
    outs = [np.zeros(64, np.float32) for _ in range(4)]
    fn(a, *outs)
    with np.errstate(all="ignore"):
        want = [np.exp(a), np.log(a), np.tanh(a), 1 / (1 + np.exp(-a))]
    for got, ref in zip(outs, want, strict=True):
        np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-37, equal_nan=True)


HALF = """
from tvmscript import tir as T

@T.prim_func
def h(A: T.Buffer((32,), "float16"), B: T.Buffer((32,), "bfloat16"), C: T.Buffer((32,), "float32")):
    for i in range(32):
        C[i] = T.Cast("float32", A[i] * A[i]) + T.Cast("float32", B[i])
"""


def test_float16_and_bfloat16() -> None:
    fn = tvmscript.compile(tvmscript.from_source(HALF))["h"]
    a = np.linspace(-3, 3, 32).astype(np.float16)
    b_f32 = np.linspace(-1, 1, 32).astype(np.float32)
    b_bits = (b_f32.view(np.uint32) >> 16).astype(np.uint16)  # exact: truncation then shown
    c = np.zeros(32, np.float32)
    fn(a, b_bits, c)
    b_back = (b_bits.astype(np.uint32) << 16).view(np.float32)
    np.testing.assert_allclose(c, (a * a).astype(np.float32) + b_back, rtol=1e-3)


WHILE = """
from tvmscript import tir as T

@T.prim_func
def collatz(N: T.Buffer((16,), "int32"), S: T.Buffer((16,), "int32")):
    for i in range(16):
        n = T.alloc_buffer((1,), "int32")
        n[0] = N[i]
        S[i] = 0
        while n[0] > 1:
            n[0] = T.Select(n[0] % 2 == 0, n[0] // 2, n[0] * 3 + 1)
            S[i] = S[i] + 1
"""


def test_while_loop() -> None:
    fn = tvmscript.compile(tvmscript.from_source(WHILE))["collatz"]
    n = np.arange(1, 17, dtype=np.int32)
    s = np.zeros(16, np.int32)
    fn(n, s)

    def steps(x: int) -> int:
        k = 0
        while x > 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            k += 1
        return k

    assert s.tolist() == [steps(int(x)) for x in n]


EXTERN = """
from tvmscript import tir as T

@T.prim_func
def ext(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32"), P: T.Buffer((8,), "int32")):
    for i in range(8):
        B[i] = T.call_extern("float32", "cbrtf", A[i])
        P[i] = T.call_llvm_pure_intrin("int32", "llvm.ctpop", T.Cast("int32", A[i]))
"""


def test_call_extern_and_llvm_intrinsic() -> None:
    fn = tvmscript.compile(tvmscript.from_source(EXTERN))["ext"]
    a = np.arange(8, dtype=np.float32) ** 3
    b, p = np.zeros(8, np.float32), np.zeros(8, np.int32)
    fn(a, b, p)
    np.testing.assert_allclose(b, np.arange(8), rtol=1e-6)
    assert p.tolist() == [bin(int(x)).count("1") for x in a]


GPU = """
from tvmscript import tir as T

@T.prim_func
def g(A: T.Buffer((64,), "float32")):
    for i in T.thread_binding(64, thread="threadIdx.x"):
        A[i] = T.float32(1)
"""


def test_gpu_thread_binding_is_a_located_codegen_error() -> None:
    with pytest.raises(CodegenError) as info:
        tvmscript.compile(tvmscript.from_source(GPU))
    assert "bound to GPU thread 'threadIdx.x'" in info.value.message
    assert info.value.span is not None
    assert info.value.span.line == 6


def test_unknown_target_is_a_codegen_error() -> None:
    with pytest.raises(CodegenError, match="not a CPU target"):
        tvmscript.compile(tvmscript.from_source(GPU), target="cuda")


def test_target_strings() -> None:
    mod = tvmscript.from_source(MATH)
    for target in ("llvm", "llvm -mcpu=rocketlake -mattr=-prefer-256-bit", "native"):
        ex = tvmscript.compile(mod, target=target)
        assert "f" in ex
        assert ex.asm()
        assert "define" in ex.llvm_ir()


VECTOR_DTYPE = """
from tvmscript import tir as T

@T.prim_func
def v(A: T.Buffer((8,), "float32x4"), B: T.Buffer((8,), "float32x4")):
    for i in range(8):
        B[i] = A[i] * T.Broadcast(T.float32(2), 4)
"""


def test_vector_dtype_buffers_take_an_extra_axis() -> None:
    fn = tvmscript.compile(tvmscript.from_source(VECTOR_DTYPE))["v"]
    a = np.arange(32, dtype=np.float32).reshape(8, 4)
    b = np.zeros_like(a)
    fn(a, b)
    np.testing.assert_array_equal(b, 2 * a)
    with pytest.raises(ValueError, match="whose last axis has 4 elements"):
        fn(a.reshape(4, 8), b)


WINDOW = """
from tvmscript import tir as T

@T.prim_func(s_tir=True)
def conv1d(X: T.Buffer((66,), "float32"), W: T.Buffer((3,), "float32"),
           Y: T.Buffer((64,), "float32"), S: T.Buffer((1,), "float32")):
    T.func_attr({"tirx.noalias": True})
    for i in range(64):
        Y[i] = T.float32(0)
        for r in range(3):
            Y[i] = Y[i] + X[i + r] * W[r]
    S[0] = T.float32(0)
    for i in range(64):
        S[0] = S[0] + Y[i]
"""


def test_a_short_window_is_unrolled_and_summed_in_order() -> None:
    """A 3-wide reduction: unrolled, strict order; a 64-long one may reassociate."""
    ir = llvm_ir_text(tvmscript.from_source(WINDOW), "conv1d")
    assert '!{!"llvm.loop.unroll.full"}' in ir
    assert ir.count("fadd reassoc") == 1  # the 64-long sum of S only
    fn = tvmscript.compile(tvmscript.from_source(WINDOW))["conv1d"]
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(66).astype(np.float32), rng.standard_normal(3).astype(np.float32)
    y, s = np.zeros(64, np.float32), np.zeros(1, np.float32)
    fn(x, w, y, s)
    want = np.array([sum(x[i + r] * w[r] for r in range(3)) for i in range(64)], np.float32)
    np.testing.assert_allclose(y, want, rtol=1e-5)
    np.testing.assert_allclose(s[0], want.sum(), rtol=1e-4)
