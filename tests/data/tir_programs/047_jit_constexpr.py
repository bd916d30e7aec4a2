from __future__ import annotations

from tvm.script import tirx as T


@T.jit
def add_const(A: T.Buffer((N,), "float32"), B: T.Buffer((N,), "float32"), *, N: T.constexpr, C: T.constexpr = 2.0):
    for i in range(N):
        B[i] = A[i] + C


kernel = add_const.specialize(N=256)
