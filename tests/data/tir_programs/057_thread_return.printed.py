# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def guarded_store(A: T.Buffer((100,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    bx = T.launch_thread("blockIdx.x", 4)
    tx = T.launch_thread("threadIdx.x", 32)
    if bx * 32 + tx >= 100:
        T.thread_return()
    A[bx * 32 + tx] = T.float32(1.0)