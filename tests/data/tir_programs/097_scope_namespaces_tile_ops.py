from tvm.script import tirx as T


@T.prim_func
def scoped_fills(A: T.Buffer((128, 16), "float32"), B: T.Buffer((4, 32), "float32")):
    T.device_entry()
    cl = T.cluster_id([1])
    bx = T.cta_id_in_cluster([1])
    wg = T.warpgroup_id([1])
    warp = T.warp_id_in_wg([4])
    lane = T.lane_id([32])
    big = T.alloc_shared((128, 16), "float32")
    row = T.alloc_shared((4, 32), "float32")
    regs = T.alloc_local((16,), "float32")
    T.warpgroup.fill(big, T.float32(0))
    T.wg.zero(big)
    T.warp.fill(row[warp, 0:32], T.float32(1))
    T.thread.fill(regs, T.float32(2))
    T.cta.copy(A, big)
    T.cta.copy(B, row)
