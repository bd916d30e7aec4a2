# Intended mistake: T.ptx.tcgen05.alloc(..., n_cols=..., cta_group=...) keywords that the ptx dialect does not take.
from tvm.script import tirx as T


@T.prim_func
def tmem_alloc(A: T.Buffer((16,), "float16")):
    T.device_entry()
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    tmem_addr = T.shared_scalar("uint32")
    if warp == 0:
        T.ptx.tcgen05.alloc(T.address_of(tmem_addr), n_cols=128, cta_group=1)
