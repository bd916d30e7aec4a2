from tvm.script import tirx as T


@T.prim_func
def swizzled_stage(A: T.Buffer((64, 64), "float16"), B: T.Buffer((64, 64), "float16")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([64])
    stage = T.alloc_buffer(
        (64, 64),
        "float16",
        scope="shared",
        layout=T.ComposeLayout(3, 3, 3, T.TileLayout(T.S[(64, 64)])),
        align=1024,
    )
    for j in T.serial(64):
        stage[tid, j] = A[tid, j]
    T.cuda.cta_sync()
    for j in T.serial(64):
        B[j, tid] = stage[tid, j]
