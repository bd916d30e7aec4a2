# Intended mistake: T.cta_id/T.thread_id without T.device_entry() (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def ids(A: T.Buffer((32,), "int32")):
    bx = T.cta_id([1])
    tx = T.thread_id([32])
    A[tx] = bx
