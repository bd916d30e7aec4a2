# Intended mistake: from tvm.script import tir as T (old spelling; only tirx exists).
from tvm.script import tir as T


@T.prim_func
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = T.float32(0)
