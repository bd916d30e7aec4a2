# Intended mistake: while A: on a buffer instead of a condition.
from tvm.script import tirx as T


@T.prim_func
def spin(A: T.Buffer((8,), "float32")):
    while A:
        A[0] = T.float32(0)
