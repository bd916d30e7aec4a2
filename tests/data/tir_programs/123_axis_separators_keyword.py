# Intended mistake: axis_separators= on T.Buffer (not a keyword in TVM 0.27).
from tvm.script import tirx as T


@T.prim_func
def zero2d(A: T.Buffer((4, 4), "float32", axis_separators=[1])):
    for i, j in T.grid(4, 4):
        A[i, j] = T.float32(0)
