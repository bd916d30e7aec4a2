# Intended mistake: dtype string "float31" in a T.Buffer parameter (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((8,), "float31")):
    for i in range(8):
        A[i] = 0
