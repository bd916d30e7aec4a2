# Intended mistake: storing a slice A[0:4] into one element.
from tvm.script import tirx as T


@T.prim_func
def head(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    B[0] = A[0:4]
