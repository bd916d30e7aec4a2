from tvm.script import tirx as T
from tvm.tirx.layout import Axis


@T.prim_func
def warp_column_sum(A: T.Buffer((32, 2), "float32"), out: T.Buffer((32, 2), "float32")):
    T.device_entry()
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    src: T.f32[2]
    dst: T.f32[2]
    for c in T.serial(2):
        src[c] = A[lane, c]
    src_view = src.view(32, 2, layout=T.TileLayout(T.S[(32, 2):(1 @ Axis.laneid, 1)]))
    dst_view = dst.view(2, layout=T.TileLayout(T.S[2:1] + T.R[32 : 1 @ Axis.laneid]))
    T.warp.sum(dst_view, src_view, axes=[0], dispatch="local")
    for c in T.serial(2):
        out[lane, c] = dst[c]
