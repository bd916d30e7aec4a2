# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def lane_rows(A: T.Buffer((32, 8), "float32"), B: T.Buffer((32, 8), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    frag = T.alloc_local((32, 8), layout=T.TileLayout(T.S[(32, 8):(1 @ Axis.laneid, 1)]))
    for j in range(8):
        B[lane, j] = A[lane, j]