# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def scalars(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tx = T.thread_id([32])
    flag: T.int32
    acc: T.float32
    tmp: T.float32
    if tx == 0:
        flag = 1
    T.cuda.cta_sync()
    acc = A[tx] * T.float32(2.0)
    tmp = acc + T.Cast("float32", flag)
    B[tx] = tmp