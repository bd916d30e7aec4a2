# Intended mistake: T.device_entry() called twice (TVM accepts it, nesting the second).
from tvm.script import tirx as T


@T.prim_func
def ids(A: T.Buffer((32,), "int32")):
    T.device_entry()
    bx = T.cta_id([1])
    T.device_entry()
    tx = T.thread_id([32])
    A[tx] = bx
