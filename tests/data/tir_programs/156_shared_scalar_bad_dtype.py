# Intended mistake: T.shared_scalar("int33") (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def flagged(out: T.Buffer((32,), "int32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    flag = T.shared_scalar("int33")
    out[tid] = 0
