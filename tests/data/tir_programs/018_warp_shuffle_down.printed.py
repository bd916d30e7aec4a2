# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def warp_sum(A: T.Buffer((32,), "float32"), out: T.Buffer((1,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    tx = T.launch_thread("threadIdx.x", 32)
    val: T.float32
    mask: T.uint32
    val = A[tx]
    mask = T.tvm_warp_activemask()
    val = val + T.tvm_warp_shuffle_down(mask, val, 16, 32, 32)
    val = val + T.tvm_warp_shuffle_down(mask, val, 8, 32, 32)
    val = val + T.tvm_warp_shuffle_down(mask, val, 4, 32, 32)
    val = val + T.tvm_warp_shuffle_down(mask, val, 2, 32, 32)
    val = val + T.tvm_warp_shuffle_down(mask, val, 1, 32, 32)
    if tx == 0:
        out = val