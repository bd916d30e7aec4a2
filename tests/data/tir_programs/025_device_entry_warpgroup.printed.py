# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def warpgroup_ids(out: T.Buffer((2, 4, 32), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    wg = T.warpgroup_id([2])
    warp = T.warp_id_in_wg([4])
    lane = T.lane_id([32])
    tid_wg = T.thread_id_in_wg([128])
    out[wg, warp, lane] = tid_wg