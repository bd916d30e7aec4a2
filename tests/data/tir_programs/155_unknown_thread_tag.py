# Intended mistake: launch_thread("threadIdx.w") (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((32,), "float32")):
    tx = T.launch_thread("threadIdx.w", 32)
    A[tx] = T.float32(0)
