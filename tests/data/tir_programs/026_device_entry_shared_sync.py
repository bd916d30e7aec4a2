from tvm.script import tirx as T


@T.prim_func
def block_sum(A_ptr: T.handle, out_ptr: T.handle):
    A = T.match_buffer(A_ptr, (256,), "float32")
    out = T.match_buffer(out_ptr, (1,), "float32")
    T.device_entry()
    bx = T.cta_id([1])
    tx = T.thread_id([256])
    sm = T.alloc_shared((256,), "float32")
    sm[tx] = A[tx]
    T.cuda.cta_sync()
    s: T.int32 = 128
    while s >= 1:
        if tx < s:
            sm[tx] += sm[tx + s]
        T.cuda.cta_sync()
        s = s // 2
    if tx == 0:
        out[0] = sm[0]
