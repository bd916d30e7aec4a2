# Intended mistake: T.init() outside any T.sblock.
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def zero_first(A: T.Buffer((8,), "float32")):
    with T.init():
        A[0] = T.float32(0)
