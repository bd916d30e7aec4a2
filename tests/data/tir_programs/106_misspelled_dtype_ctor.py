# Intended mistake: T.flaot32 instead of T.float32.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = T.flaot32(0)
