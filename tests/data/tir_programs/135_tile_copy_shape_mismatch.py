# Intended mistake: T.cta.copy between a (64,) and a (64, 64) buffer.
from tvm.script import tirx as T


@T.prim_func
def stage(A: T.Buffer((64, 64), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([128])
    A_s = T.alloc_shared((64,), "float32")
    T.cta.copy(A_s, A)
