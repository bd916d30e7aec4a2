# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def coop_mma(A: T.Buffer((16, 16), "float16"), B: T.Buffer((16, 16), "float16"), C: T.Buffer((16, 16), "float32")):
    T.func_attr({"target": T.target({"keys": ["metal", "gpu"], "kind": "metal", "max_function_args": 31, "max_num_threads": 256, "max_shared_memory_per_block": 32768, "max_threads_per_block": 256, "tag": "", "thread_warp_size": 16})})
    tx = T.launch_thread("threadIdx.x", 32)
    a = T.alloc_buffer((256,), "float16", scope="metal.cooperative_tensor")
    b = T.alloc_buffer((256,), "float16", scope="metal.cooperative_tensor")
    c = T.alloc_buffer((256,), scope="metal.cooperative_tensor")
    T.cooperative_tensor_fill(c.data, 0, T.float32(0.0), 16, 16)
    T.cooperative_tensor_load(a.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), A.data, 0, 256, 1), 16, 16, 16, T.bool(False), 0, 0, 0, 0)
    T.cooperative_tensor_load(b.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), B.data, 0, 256, 1), 16, 16, 16, T.bool(False), 0, 0, 0, 0)
    T.cooperative_tensor_multiply_accumulate(c.data, 0, a.data, 0, b.data, 0, c.data, 0, 16, 16, 16, T.bool(False), T.bool(False))
    T.cooperative_tensor_store(c.data, 0, T.tvm_access_ptr(T.type_annotation("float32"), C.data, 0, 256, 2), 16, 16, 16, T.bool(False), 0, 0, 0, 0)