from tvm.script import tirx as T


@T.prim_func
def pooled(A: T.Buffer((128,), "float16"), B: T.Buffer((64,), "float32"), C: T.Buffer((128,), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([128])
    pool = T.SMEMPool()
    a_s = pool.alloc((128,), "float16", align=16)
    b_s = pool.alloc((64,), "float32", align=16)
    pool.commit()
    a_s[tid] = A[tid]
    if tid < 64:
        b_s[tid] = B[tid]
    T.cuda.cta_sync()
    C[tid] = T.cast(a_s[tid], "float32") + b_s[tid % 64]
