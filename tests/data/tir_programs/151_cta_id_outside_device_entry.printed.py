# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def ids(A: T.Buffer((32,), "int32")):
    bx = T.cta_id([1])
    tx = T.thread_id([32])
    A[tx] = bx