# Intended mistake: T.block (removed; TVM 0.27 spells it T.sblock).
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in range(8):
        with T.block("A"):
            vi = T.axis.spatial(8, i)
            A[vi] = T.float32(0)
