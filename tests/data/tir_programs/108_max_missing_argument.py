# Intended mistake: T.max called with one argument.
from tvm.script import tirx as T


@T.prim_func
def clamp(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = T.max(A[i])
