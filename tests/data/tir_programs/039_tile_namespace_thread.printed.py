# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tile_thread(A: T.Buffer((32, 8), "float32"), B: T.Buffer((32, 8), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    r = T.alloc_local((8,))
    T.tile.copy(r[0:8], A[tid, 0:8])
    T.tile.mul(r[0:8], r[0:8], T.float32(2.0))
    T.tile.copy(B[tid, 0:8], r[0:8])