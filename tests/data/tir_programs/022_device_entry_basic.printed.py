# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def add_two(A: T.Buffer((1024,), "float32"), B: T.Buffer((1024,), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([8])
    tx = T.thread_id([128])
    B[bx * 128 + tx] = A[bx * 128 + tx] + T.float32(2.0)