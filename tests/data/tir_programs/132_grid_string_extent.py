# Intended mistake: T.grid("8") with a string extent.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in T.grid("8"):
        A[i] = T.float32(0)
