# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tmem_views(A: T.Buffer((128, 64), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    acc0 = T.decl_buffer((128, 32), scope="tmem", layout=T.TileLayout(T.S[(128, 32):(1 @ Axis.TLane, 1 @ Axis.TCol)]), allocated_addr=0)
    acc1 = T.decl_buffer((128, 32), scope="tmem", layout=T.TileLayout(T.S[(128, 32):(1 @ Axis.TLane, 1 @ Axis.TCol)]), allocated_addr=32)