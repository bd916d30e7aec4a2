from tvm.script import tirx as T


@T.prim_func
def simd_rotate(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.func_attr({"target": T.target("metal")})
    tx = T.launch_thread("threadIdx.x", 32)
    v: T.float32 = A[tx]
    B[tx] = T.metal.simd_shuffle(v, (tx + 1) % 32) + T.metal.simd_shuffle_down(v, 1)
