from tvm.script import tirx as T


@T.prim_func
def warp_sum(A: T.Buffer((32,), "float32"), out: T.Buffer((1,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    tx = T.launch_thread("threadIdx.x", 32)
    val = T.alloc_local((1,), "float32")
    mask = T.alloc_local((1,), "uint32")
    val[0] = A[tx]
    mask[0] = T.tvm_warp_activemask()
    val[0] = val[0] + T.tvm_warp_shuffle_down(mask[0], val[0], 16, 32, 32)
    val[0] = val[0] + T.tvm_warp_shuffle_down(mask[0], val[0], 8, 32, 32)
    val[0] = val[0] + T.tvm_warp_shuffle_down(mask[0], val[0], 4, 32, 32)
    val[0] = val[0] + T.tvm_warp_shuffle_down(mask[0], val[0], 2, 32, 32)
    val[0] = val[0] + T.tvm_warp_shuffle_down(mask[0], val[0], 1, 32, 32)
    if tx == 0:
        out[0] = val[0]
