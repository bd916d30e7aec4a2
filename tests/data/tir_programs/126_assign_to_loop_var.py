# Intended mistake: re-assigning the loop variable.
from tvm.script import tirx as T


@T.prim_func
def bump(A: T.Buffer((8,), "int32")):
    for i in range(8):
        i = i + 1
        A[i - 1] = i
