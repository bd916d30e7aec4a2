# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def pooled(A: T.Buffer((128,), "float16"), B: T.Buffer((64,), "float32"), C: T.Buffer((128,), "float32")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([128])
    pool_buf = T.alloc_buffer((0,), "uint8", scope="shared.dyn")
    a_s = T.decl_buffer((128,), "float16", data=pool_buf.data, scope="shared.dyn", align=16)
    b_s = T.decl_buffer((64,), data=pool_buf.data, elem_offset=64, scope="shared.dyn", align=16)
    with T.attr({"tirx.dyn_smem_bytes": T.int64(512)}):
        T.evaluate(0)
    a_s[tid] = A[tid]
    if tid < 64:
        b_s[tid] = B[tid]
    T.cuda.cta_sync()
    C[tid] = T.Cast("float32", a_s[tid]) + b_s[tid % 64]