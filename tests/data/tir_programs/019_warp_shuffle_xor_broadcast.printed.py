# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def warp_max(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.func_attr({"target": T.target({"arch": "sm_50", "keys": ["cuda", "gpu"], "kind": "cuda", "max_num_threads": 1024, "tag": "", "thread_warp_size": 32})})
    lane = T.launch_thread("threadIdx.x", 32)
    v: T.float32 = A[lane]
    for k in T.unroll(5):
        v = T.max(v, T.tvm_warp_shuffle_xor(T.uint32(4294967295), v, 1 << k, 32, 32))
    B[lane] = T.tvm_warp_shuffle(T.uint32(4294967295), v, 0, 32, 32)