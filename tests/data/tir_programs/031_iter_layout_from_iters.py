from tvm.script import tirx as T


@T.prim_func
def lane_rows(A: T.Buffer((32, 8), "float32"), B: T.Buffer((32, 8), "float32")):
    T.device_entry()
    _warp = T.warp_id([1])
    lane = T.lane_id([32])
    frag = T.alloc_buffer(
        (32, 8),
        "float32",
        scope="local",
        layout=T.TileLayout.from_iters([T.Iter(32, 1, "laneid"), T.Iter(8, 1, "m")]),
    )
    for j in T.serial(8):
        B[lane, j] = A[lane, j]
