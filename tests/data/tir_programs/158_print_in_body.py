# Intended mistake: a Python print() call in the body (TVM runs it while parsing and accepts).
from tvm.script import tirx as T


@T.prim_func
def iota(A: T.Buffer((8,), "int32")):
    for i in range(8):
        print(i)
        A[i] = i
