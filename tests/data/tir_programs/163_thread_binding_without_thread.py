# Intended mistake: T.thread_binding(32) without thread=.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((32,), "float32")):
    for i in T.thread_binding(32):
        A[i] = T.float32(0)
