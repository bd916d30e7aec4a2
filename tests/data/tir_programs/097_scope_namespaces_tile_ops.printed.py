# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def scoped_fills(A: T.Buffer((128, 16), "float32"), B: T.Buffer((4, 32), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    cl = T.cluster_id([1])
    bx = T.cta_id_in_cluster([1])
    wg = T.warpgroup_id([1])
    warp = T.warp_id_in_wg([4])
    lane = T.lane_id([32])
    big = T.alloc_shared((128, 16))
    row = T.alloc_shared((4, 32))
    regs = T.alloc_local((16,))
    T.wg.fill(big[0:128, 0:16], T.float32(0.0))
    T.wg.zero(big[0:128, 0:16])
    T.warp.fill(row[warp, 0:32], T.float32(1.0))
    T.tile.fill(regs[0:16], T.float32(2.0))
    T.cta.copy(A[0:128, 0:16], big[0:128, 0:16])
    T.cta.copy(B[0:4, 0:32], row[0:4, 0:32])