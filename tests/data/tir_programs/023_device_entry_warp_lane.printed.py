# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def lane_ids(out: T.Buffer((4, 32, 2), "int32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    tid = T.thread_id([128])
    out[warp, lane, 0] = lane
    out[warp, lane, 1] = tid