from tvm.script import tirx as T


@T.prim_func
def simdgroup_gemm(A: T.Buffer((8, 8), "float16"), B: T.Buffer((8, 8), "float16"), C: T.Buffer((8, 8), "float16")):
    T.func_attr({"target": T.target("metal")})
    tx = T.launch_thread("threadIdx.x", 32)
    a = T.alloc_buffer((64,), "float16", scope="metal.simdgroup")
    b = T.alloc_buffer((64,), "float16", scope="metal.simdgroup")
    c = T.alloc_buffer((64,), "float16", scope="metal.simdgroup")
    T.metal.make_filled_simdgroup_matrix(c.data, 0, T.float16(0), 8, 8)
    T.metal.simdgroup_load(a.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), A.data, 0, 64, 1), 8, 8, 8, T.bool(False))
    T.metal.simdgroup_load(b.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), B.data, 0, 64, 1), 8, 8, 8, T.bool(False))
    T.metal.simdgroup_multiply_accumulate(c.data, 0, a.data, 0, b.data, 0, c.data, 0)
    T.metal.simdgroup_store(c.data, 0, T.tvm_access_ptr(T.type_annotation("float16"), C.data, 0, 64, 2), 8, 8, 8, T.bool(False))
