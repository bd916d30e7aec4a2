from tvm.script import tirx as T


@T.prim_func
def scale_kernel(A: T.Buffer((1024,), "float32"), B: T.Buffer((1024,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    bx = T.env_thread("blockIdx.x")
    tx = T.env_thread("threadIdx.x")
    T.launch_thread(bx, 8)
    T.launch_thread(tx, 128)
    B[bx * 128 + tx] = A[bx * 128 + tx] * T.float32(3)
