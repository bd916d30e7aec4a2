from tvm.script import tirx as T


@T.prim_func
def warp_max(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    lane = T.launch_thread("threadIdx.x", 32)
    v = T.alloc_local((1,), "float32")
    v[0] = A[lane]
    for k in T.unroll(5):
        v[0] = T.max(v[0], T.tvm_warp_shuffle_xor(T.uint32(0xFFFFFFFF), v[0], T.shift_left(1, k), 32, 32))
    B[lane] = T.tvm_warp_shuffle(T.uint32(0xFFFFFFFF), v[0], 0, 32, 32)
