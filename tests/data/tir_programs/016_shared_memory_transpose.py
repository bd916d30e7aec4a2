from tvm.script import tirx as T


@T.prim_func
def transpose_shared(A: T.Buffer((64, 64), "float32"), B: T.Buffer((64, 64), "float32")):
    T.func_attr({"target": T.target("cuda")})
    by = T.launch_thread("blockIdx.y", 4)
    bx = T.launch_thread("blockIdx.x", 4)
    ty = T.launch_thread("threadIdx.y", 16)
    tx = T.launch_thread("threadIdx.x", 16)
    tile = T.alloc_buffer((16, 17), "float32", scope="shared")
    tile[ty, tx] = A[by * 16 + ty, bx * 16 + tx]
    T.tvm_storage_sync("shared")
    B[bx * 16 + ty, by * 16 + tx] = tile[tx, ty]
