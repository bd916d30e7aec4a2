# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def subgroup_rotate(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.func_attr({"target": T.target({"keys": ["webgpu", "gpu"], "kind": "webgpu", "max_num_threads": 256, "max_shared_memory_per_block": 32768, "supports_subgroups": False, "tag": "", "thread_warp_size": 1})})
    tx = T.launch_thread("threadIdx.x", 32)
    v: T.float32 = A[tx]
    B[tx] = T.webgpu.subgroup_shuffle(v, (tx + 1) % 32) + T.webgpu.subgroup_shuffle_down(v, 1)