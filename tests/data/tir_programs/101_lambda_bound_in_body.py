# Intended mistake: a lambda bound to a name inside the prim_func body.
from tvm.script import tirx as T


@T.prim_func
def double_all(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    double = lambda x: x * T.float32(2)
    for i in range(8):
        B[i] = double(A[i])
