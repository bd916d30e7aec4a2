# Intended mistake: T.axis.remap outside any T.sblock.
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def zero_fill(A: T.Buffer((8,), "float32")):
    for i in range(8):
        vi = T.axis.remap("S", [i])
        A[vi] = T.float32(0)
