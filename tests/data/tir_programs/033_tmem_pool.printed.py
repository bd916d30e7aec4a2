# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tmem_accumulator(A: T.Buffer((128, 32), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    pool_buf = T.alloc_buffer((0,), "uint8", scope="shared.dyn")
    tmem__addr_buf = T.decl_buffer((1,), "uint32", data=pool_buf.data, scope="shared.dyn", align=4)
    with T.attr({"tirx.dyn_smem_bytes": T.int64(4)}):
        T.evaluate(0)
    acc = T.decl_buffer((128, 32), scope="tmem", layout=T.TileLayout(T.S[(128, 32):(1 @ Axis.TLane, 1 @ Axis.TCol)]), allocated_addr=0)
    v = T.warp_id()
    if v == 0:
        T.ptx.tcgen05(T.cuda.cvta_generic_to_shared(T.address_of(tmem__addr_buf[0])), T.uint32(512), "alloc", "cta_group::1", "sync", "aligned", "shared::cta", "b32", "")
        T.cuda.warp_sync()
    T.cuda.cta_sync()
    v_1 = T.warp_id()
    if v_1 == 0:
        T.ptx.tcgen05("relinquish_alloc_permit", "cta_group::1", "sync", "aligned", "")
        T.ptx.tcgen05(tmem__addr_buf[0], T.uint32(512), "dealloc", "cta_group::1", "sync", "aligned", "b32", "")