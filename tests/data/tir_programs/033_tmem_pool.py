from tvm.script import tirx as T


@T.prim_func
def tmem_accumulator(A: T.Buffer((128, 32), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    pool = T.SMEMPool()
    tmem = T.TMEMPool(pool, total_cols=512)
    pool.commit()
    acc = tmem.alloc((128, 32), "float32")
    tmem.commit()
    T.cuda.cta_sync()
    tmem.dealloc()
