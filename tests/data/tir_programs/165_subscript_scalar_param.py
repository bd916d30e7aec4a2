# Intended mistake: x[0] = 1 on an int32 scalar parameter.
from tvm.script import tirx as T


@T.prim_func
def poke(x: T.int32, A: T.Buffer((4,), "int32")):
    x[0] = 1
    A[0] = x
