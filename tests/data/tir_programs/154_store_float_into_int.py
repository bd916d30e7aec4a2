# Intended mistake: float32 1.5 stored into an int32 buffer (TVM accepts it, truncating).
from tvm.script import tirx as T


@T.prim_func
def fill(A: T.Buffer((8,), "int32")):
    for i in range(8):
        A[i] = T.float32(1.5)
