# Intended mistake: the @ operator on scalar loads.
from tvm.script import tirx as T


@T.prim_func
def square(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = A[i] @ A[i]
