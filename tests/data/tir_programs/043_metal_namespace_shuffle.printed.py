# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def simd_rotate(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.func_attr({"target": T.target({"keys": ["metal", "gpu"], "kind": "metal", "max_function_args": 31, "max_num_threads": 256, "max_shared_memory_per_block": 32768, "max_threads_per_block": 256, "tag": "", "thread_warp_size": 16})})
    tx = T.launch_thread("threadIdx.x", 32)
    v: T.float32 = A[tx]
    B[tx] = T.metal.simd_shuffle(v, (tx + 1) % 32) + T.metal.simd_shuffle_down(v, 1)