from tvm.script import tirx as T


@T.prim_func
def fill_kernel(A: T.Buffer((256,), "int32")):
    T.func_attr({"target": T.target("cuda")})
    blockIdx_x = T.launch_thread("blockIdx.x", 4)
    threadIdx_x = T.launch_thread("threadIdx.x", 64)
    A[blockIdx_x * 64 + threadIdx_x] = blockIdx_x
