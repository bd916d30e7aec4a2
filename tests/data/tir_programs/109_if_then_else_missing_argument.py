# Intended mistake: T.if_then_else called with two arguments.
from tvm.script import tirx as T


@T.prim_func
def relu(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = T.if_then_else(A[i] > T.float32(0), A[i])
