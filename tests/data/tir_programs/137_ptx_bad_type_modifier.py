# Intended mistake: T.ptx.mov.u33 (no such type modifier).
from tvm.script import tirx as T


@T.prim_func
def lane_mov(out: T.Buffer((32,), "uint32")):
    T.device_entry()
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    v: T.uint32 = T.uint32(0)
    T.ptx.mov.u33(v, T.uint32(lane))
    out[lane] = v
