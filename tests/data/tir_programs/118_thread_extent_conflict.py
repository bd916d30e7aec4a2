# Intended mistake: threadIdx.x launched twice with different extents (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def two_extents(A: T.Buffer((128,), "float32")):
    T.func_attr({"target": T.target("cuda")})
    tx = T.launch_thread("threadIdx.x", 32)
    A[tx] = T.float32(0)
    tx2 = T.launch_thread("threadIdx.x", 64)
    A[tx2 + 64] = T.float32(1)
