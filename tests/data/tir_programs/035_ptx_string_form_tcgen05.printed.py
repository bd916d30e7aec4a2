# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tmem_alloc_dealloc(A: T.Buffer((16,), "float16")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    tmem_addr = T.alloc_shared((1,), "uint32", align=8)
    if warp == 0:
        T.ptx.tcgen05(T.cuda.cvta_generic_to_shared(T.address_of(tmem_addr[0])), T.uint32(128), "alloc", "cta_group::1", "sync", "aligned", "shared::cta", "b32", "")
    T.cuda.cta_sync()
    if warp == 0:
        T.ptx.tcgen05("relinquish_alloc_permit", "cta_group::1", "sync", "aligned", "")
        T.ptx.tcgen05(tmem_addr[0], T.uint32(128), "dealloc", "cta_group::1", "sync", "aligned", "b32", "")