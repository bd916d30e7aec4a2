# Intended mistake: a 2-D buffer loaded with one index.
from tvm.script import tirx as T


@T.prim_func
def row_copy(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = A[i]
