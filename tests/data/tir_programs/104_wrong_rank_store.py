# Intended mistake: a 2-D buffer stored with three indices.
from tvm.script import tirx as T


@T.prim_func
def diag_store(A: T.Buffer((8,), "float32"), B: T.Buffer((8, 8), "float32")):
    for i in range(8):
        B[i, i, 0] = A[i]
