# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def stage(A: T.Buffer((32, 32), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    tile = T.alloc_shared((32, 32), layout=T.TileLayout(T.S[(16, 16):(16, 1)]))
    tile[tid, 0] = A[tid, 0]