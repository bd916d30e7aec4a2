# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def block_sum(A: T.Buffer((256,), "float32"), out: T.Buffer((1,), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tx = T.thread_id([256])
    sm = T.alloc_shared((256,))
    sm[tx] = A[tx]
    T.cuda.cta_sync()
    s: T.int32 = 128
    while s >= 1:
        if tx < s:
            sm[tx] = sm[tx] + sm[tx + s]
        T.cuda.cta_sync()
        s = s // 2
    if tx == 0:
        out = sm[0]