# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def ids(A: T.Buffer((32,), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    with T.attr({"tirx.device_entry": T.bool(True)}):
        tx = T.thread_id([32])
        A[tx] = bx