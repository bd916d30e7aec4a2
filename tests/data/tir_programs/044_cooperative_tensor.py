from tvm.script import tirx as T


@T.prim_func
def coop_mma(A: T.Buffer((16, 16), "float16"), B: T.Buffer((16, 16), "float16"), C: T.Buffer((16, 16), "float32")):
    T.func_attr({"target": T.target("metal")})
    tx = T.launch_thread("threadIdx.x", 32)
    a = T.alloc_buffer((256,), "float16", scope="metal.cooperative_tensor")
    b = T.alloc_buffer((256,), "float16", scope="metal.cooperative_tensor")
    c = T.alloc_buffer((256,), "float32", scope="metal.cooperative_tensor")
    T.cooperative_tensor_fill(c.data, 0, T.float32(0), 16, 16)
    T.cooperative_tensor_load(a.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), A.data, 0, 256, 1), 16, 16, 16)
    T.cooperative_tensor_load(b.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), B.data, 0, 256, 1), 16, 16, 16)
    T.cooperative_tensor_multiply_accumulate(c.data, 0, a.data, 0, b.data, 0, c.data, 0, 16, 16, 16)
    T.cooperative_tensor_store(c.data, 0, T.tvm_access_ptr(T.type_annotation("float32"), C.data, 0, 256, 2), 16, 16, 16)
