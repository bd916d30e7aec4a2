# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def warp_column_sum(A: T.Buffer((32, 2), "float32"), out: T.Buffer((32, 2), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    src = T.alloc_local((2,))
    dst = T.alloc_local((2,))
    for c in range(2):
        src[c] = A[lane, c]
    src_view = src.view(32, 2, layout=T.TileLayout(T.S[(32, 2):(1 @ Axis.laneid, 1)]))
    dst_view = T.decl_buffer((2,), data=dst.data, scope="local", layout=T.TileLayout(T.S[2:1] + T.R[32:1 @ Axis.laneid]))
    T.warp.sum(dst_view[0:2], src_view[0:32, 0:2], [0], False, dispatch="local")
    for c in range(2):
        out[lane, c] = dst[c]