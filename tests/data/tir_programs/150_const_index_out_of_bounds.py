# Intended mistake: constant index 20 into a 16-element buffer (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def poke(A: T.Buffer((16,), "int32")):
    A[20] = 1
