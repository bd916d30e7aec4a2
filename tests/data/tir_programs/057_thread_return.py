from tvm.script import tirx as T


@T.prim_func
def guarded_store(A: T.Buffer((100,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    bx = T.launch_thread("blockIdx.x", 4)
    tx = T.launch_thread("threadIdx.x", 32)
    if bx * 32 + tx >= 100:
        T.thread_return()
    A[bx * 32 + tx] = T.float32(1)
