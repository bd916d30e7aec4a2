from tvm.script import tirx as T


@T.prim_func
def cuda_helpers(A: T.Buffer((128,), "float32"), counter: T.Buffer((1,), "int32"), B: T.Buffer((128,), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    warp = T.warp_id([4])
    lane = T.lane_id([32])
    tid = T.thread_id([128])
    v: T.float32 = A[tid]
    total: T.float32 = T.cuda.warp_sum(v)
    if T.cuda.elect_sync():
        T.cuda.atomic_add(T.address_of(counter[0]), 1)
    T.cuda.warp_sync()
    T.cuda.thread_fence()
    T.cuda.cta_sync()
    B[tid] = total
