# Intended mistake: T.match_buffer on a handle name that is not a parameter.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(a: T.handle):
    A = T.match_buffer(b, (16,), "float32")
    for i in range(16):
        A[i] = T.float32(0)
