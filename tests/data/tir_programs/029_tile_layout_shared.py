from tvm.script import tirx as T


@T.prim_func
def padded_tile(A: T.Buffer((32, 32), "float32"), B: T.Buffer((32, 32), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    ty, tx = T.thread_id([32, 32])
    tile = T.alloc_buffer((32, 32), "float32", scope="shared", layout=T.TileLayout(T.S[(32, 32):(33, 1)]))
    tile[ty, tx] = A[ty, tx]
    T.cuda.cta_sync()
    B[tx, ty] = tile[ty, tx]
