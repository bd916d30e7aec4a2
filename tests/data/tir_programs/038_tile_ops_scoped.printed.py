# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tile_ops(A: T.Buffer((64, 64), "float32"), B: T.Buffer((64, 64), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([128])
    A_s = T.alloc_shared((64, 64))
    B_s = T.alloc_shared((64, 64))
    T.cta.copy(A_s[0:64, 0:64], A[0:64, 0:64])
    T.cta.fill(B_s[0:64, 0:64], T.float32(1.0))
    T.cta.add(B_s[0:64, 0:64], A_s[0:64, 0:64], B_s[0:64, 0:64])
    T.cta.exp(B_s[0:64, 0:64])
    T.cta.copy(B[0:64, 0:64], B_s[0:64, 0:64])