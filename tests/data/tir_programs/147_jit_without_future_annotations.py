# Intended mistake: T.jit kernel whose annotations use constexpr N without from __future__ import annotations.
from tvm.script import tirx as T


@T.jit
def add_const(A: T.Buffer((N,), "float32"), B: T.Buffer((N,), "float32"), *, N: T.constexpr):
    for i in range(N):
        B[i] = A[i] + T.float32(1)


kernel = add_const.specialize(N=256)
