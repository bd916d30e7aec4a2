# Intended mistake: T.env_thread used without T.launch_thread.
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((32,), "float32")):
    tx = T.env_thread("threadIdx.x")
    A[tx] = T.float32(0)
