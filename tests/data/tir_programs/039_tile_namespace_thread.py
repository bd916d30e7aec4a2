from tvm.script import tirx as T


@T.prim_func
def tile_thread(A: T.Buffer((32, 8), "float32"), B: T.Buffer((32, 8), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    r = T.alloc_local((8,), "float32")
    T.tile.copy(r, A[tid, 0:8])
    T.tile.mul(r, r, T.float32(2))
    T.tile.copy(B[tid, 0:8], r)
