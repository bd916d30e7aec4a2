# Intended mistake: T.axis.remap kind string "SX" (X is not an axis kind).
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def row_sum(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8,), "float32")):
    for i, k in T.grid(8, 8):
        with T.sblock("B"):
            vi, vk = T.axis.remap("SX", [i, k])
            B[vi] = B[vi] + A[vi, vk]
