# Intended mistake: re-assigning a scalar parameter.
from tvm.script import tirx as T


@T.prim_func
def bump(A: T.Buffer((8,), "int32"), n: T.int32):
    n = n + 1
    for i in range(8):
        A[i] = n
