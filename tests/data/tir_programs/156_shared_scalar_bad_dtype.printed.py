# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def flagged(out: T.Buffer((32,), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    flag: T.int33
    out[tid] = 0