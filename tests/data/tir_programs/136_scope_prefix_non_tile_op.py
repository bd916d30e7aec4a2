# Intended mistake: T.warp.cta_sync (scope prefixes only apply to tile primitives).
from tvm.script import tirx as T


@T.prim_func
def sync(A: T.Buffer((64,), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([64])
    T.warp.cta_sync()
