# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def transpose_shared(A: T.Buffer((64, 64), "float32"), B: T.Buffer((64, 64), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    by = T.launch_thread("blockIdx.y", 4)
    bx = T.launch_thread("blockIdx.x", 4)
    ty = T.launch_thread("threadIdx.y", 16)
    tx = T.launch_thread("threadIdx.x", 16)
    tile = T.alloc_shared((16, 17))
    tile[ty, tx] = A[by * 16 + ty, bx * 16 + tx]
    T.tvm_storage_sync("shared", T.bool(False), -1)
    B[bx * 16 + ty, by * 16 + tx] = tile[tx, ty]