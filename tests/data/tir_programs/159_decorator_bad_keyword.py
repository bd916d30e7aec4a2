# Intended mistake: @T.prim_func(stir=True) misspelled keyword.
from tvm.script import tirx as T


@T.prim_func(stir=True)
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = T.float32(0)
