# Intended mistake: dtype string "flaot32" in T.alloc_buffer.
from tvm.script import tirx as T


@T.prim_func
def staged_copy(A: T.Buffer((8,), "float32")):
    tmp = T.alloc_buffer((8,), "flaot32")
    for i in range(8):
        tmp[i] = A[i]
