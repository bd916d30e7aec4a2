"""The lowering passes, IR to IR: index simplification, vectorization, allocation placement."""

from __future__ import annotations

import tvmscript
from tvmscript.core.tir import expr as E
from tvmscript.core.tir.transform import lower
from tvmscript.core.tir.transform.simplify import Analyzer


def _analyzer(**bounds: tuple[int, int]) -> tuple[Analyzer, dict[str, E.Var]]:
    an = Analyzer()
    vars_ = {}
    for name, (lo, hi) in bounds.items():
        v = E.Var(name, "int32")
        an.bind(v, lo, hi)
        vars_[name] = v
    return an, vars_


def test_floordiv_of_an_affine_form_splits_the_multiples() -> None:
    an, v = _analyzer(i=(0, 15), j=(0, 63))
    e = (v["i"] * 64 + v["j"]) // 64
    assert an.simplify(e) is v["i"]


def test_floormod_drops_the_multiples_and_folds_in_range() -> None:
    an, v = _analyzer(i=(0, 15), j=(0, 63))
    assert an.simplify((v["i"] * 64 + v["j"]) % 64) is v["j"]


def test_div_and_mod_recombine() -> None:
    an, v = _analyzer(f=(0, 4095))
    f = v["f"]
    e = f // 32 * 32 + f % 32
    assert an.simplify(e) is f


def test_nested_floordiv_merges() -> None:
    an, v = _analyzer(f=(0, 100000))
    s = an.simplify(v["f"] // 4 // 8)
    assert isinstance(s, E.FloorDiv)
    assert isinstance(s.b, E.IntImm)
    assert s.b.value == 32


def test_comparison_decided_by_bounds() -> None:
    an, v = _analyzer(i=(0, 56))
    assert an.can_prove(v["i"] < 57)
    assert not an.can_prove(v["i"] < 56)
    folded = an.simplify(v["i"] + 1 > 0)
    assert isinstance(folded, E.IntImm)
    assert folded.value == 1


def test_ramp_arithmetic_stays_a_ramp() -> None:
    an, v = _analyzer(i=(0, 15))
    ramp = E.Ramp(E.IntImm("int32", 0), E.IntImm("int32", 1), 16)
    e = E.Add(E.Broadcast(v["i"] * 64, 16), ramp)
    s = an.simplify(e)
    assert isinstance(s, E.Ramp)
    assert isinstance(s.stride, E.IntImm)
    assert s.stride.value == 1


KERNEL = """
from tvmscript import tir as T

@T.prim_func(s_tir=True)
def f(A: T.Buffer((8, 32), "float32"), B: T.Buffer((8,), "float32")):
    for i in T.parallel(8):
        for j in T.vectorized(32):
            with T.sblock("sum"):
                vi, vj = T.axis.remap("SR", [i, j])
                with T.init():
                    B[vi] = T.float32(0)
                B[vi] = B[vi] + A[vi, vj]
"""


def test_vectorized_reduction_falls_back_to_a_serial_loop() -> None:
    func = tvmscript.from_source(KERNEL)
    text = lower(func).script()
    assert "T.vectorized" not in text
    assert "for j in range(32):" in text


def test_reduction_init_is_hoisted_out_of_its_loop() -> None:
    text = lower(tvmscript.from_source(KERNEL)).script()
    assert "if j == 0" not in text
    assert text.index("B[i] = T.float32(0.0)") < text.index("for j in range(32):")


def test_every_pass_prints() -> None:
    seen: list[str] = []
    lower(tvmscript.from_source(KERNEL), trace=lambda name, f: seen.append(name) or f.script())
    assert seen[:5] == ["check_cpu", "lower_sblocks", "flatten_buffers", "simplify", "peel_init"]


SYMBOLIC = """
from tvmscript import tir as T

@T.prim_func
def f(a: T.handle, B: T.Buffer((1,), "float32")):
    n = T.int32()
    A = T.match_buffer(a, (n,), "float32")
    for k in range(n):
        if k == 0:
            B[0] = T.float32(0)
        B[0] = B[0] + A[k]
"""


def test_hoisted_init_is_guarded_when_the_loop_may_be_empty() -> None:
    text = lower(tvmscript.from_source(SYMBOLIC)).script()
    assert "if n > 0:" in text
