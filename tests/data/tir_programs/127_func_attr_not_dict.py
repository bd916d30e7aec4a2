# Intended mistake: T.func_attr(key, value) instead of T.func_attr({key: value}).
from tvm.script import tirx as T


@T.prim_func
def iota(A: T.Buffer((8,), "int32")):
    T.func_attr("tirx.noalias", True)
    for i in range(8):
        A[i] = i
