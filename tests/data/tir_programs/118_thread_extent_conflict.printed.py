# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def two_extents(A: T.Buffer((128,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    tx = T.launch_thread("threadIdx.x", 32)
    A[tx] = T.float32(0.0)
    with T.launch_thread("threadIdx.x", 64) as tx2:
        A[tx2 + 64] = T.float32(1.0)