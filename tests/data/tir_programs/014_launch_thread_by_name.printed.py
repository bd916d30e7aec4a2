# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def fill_kernel(A: T.Buffer((256,), "int32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    blockIdx_x = T.launch_thread("blockIdx.x", 4)
    threadIdx_x = T.launch_thread("threadIdx.x", 64)
    A[blockIdx_x * 64 + threadIdx_x] = blockIdx_x