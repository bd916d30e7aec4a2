from tvm.script import tirx as T


@T.prim_func
def tile_ops(A: T.Buffer((64, 64), "float32"), B: T.Buffer((64, 64), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([128])
    A_s = T.alloc_shared((64, 64), "float32")
    B_s = T.alloc_shared((64, 64), "float32")
    T.cta.copy(A_s, A)
    T.cta.fill(B_s, T.float32(1))
    T.cta.add(B_s, A_s, B_s)
    T.cta.exp(B_s, B_s)
    T.cta.copy(B, B_s)
