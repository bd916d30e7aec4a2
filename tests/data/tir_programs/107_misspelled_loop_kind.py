# Intended mistake: T.serail instead of T.serial.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in T.serail(8):
        A[i] = T.float32(0)
