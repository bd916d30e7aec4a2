# Intended mistake: T.where(5) with an integer predicate.
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def padded(A: T.Buffer((10,), "float32")):
    for i in range(16):
        with T.sblock("A"):
            vi = T.axis.spatial(16, i)
            T.where(5)
            A[vi] = T.float32(0)
