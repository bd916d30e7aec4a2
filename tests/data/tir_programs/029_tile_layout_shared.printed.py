# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def padded_tile(A: T.Buffer((32, 32), "float32"), B: T.Buffer((32, 32), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    ty, tx = T.thread_id([32, 32])
    tile = T.alloc_shared((32, 32), layout=T.TileLayout(T.S[(32, 32):(33, 1)]))
    tile[ty, tx] = A[ty, tx]
    T.cuda.cta_sync()
    B[tx, ty] = tile[ty, tx]