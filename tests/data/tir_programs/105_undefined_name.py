# Intended mistake: a name (scale) that is never defined.
from tvm.script import tirx as T


@T.prim_func
def scale_all(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = A[i] * scale
