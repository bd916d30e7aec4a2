# Intended mistake: T.axis.remap("S", [i]) unpacked into two names.
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def copy2d(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
    for i, j in T.grid(8, 8):
        with T.sblock("B"):
            vi, vj = T.axis.remap("S", [i])
            B[vi, vj] = A[vi, vj]
