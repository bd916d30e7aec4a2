# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def swizzled_stage(A: T.Buffer((64, 64), "float16"), B: T.Buffer((64, 64), "float16")):
    T.attr({"tirx.device_entry": T.bool(True)})
    bx = T.cta_id([1])
    tid = T.thread_id([64])
    stage = T.alloc_shared((64, 64), "float16", align=1024, layout=T.ComposeLayout(3, 3, 3, T.TileLayout(T.S[(64, 64):(64, 1)])))
    for j in range(64):
        stage[tid, j] = A[tid, j]
    T.cuda.cta_sync()
    for j in range(64):
        B[j, tid] = stage[tid, j]