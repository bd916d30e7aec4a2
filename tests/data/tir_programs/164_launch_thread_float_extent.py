# Intended mistake: T.launch_thread extent 32.0 (a float).
from tvm.script import tirx as T


@T.prim_func
def zero_fill(A: T.Buffer((32,), "float32")):
    tx = T.launch_thread("threadIdx.x", 32.0)
    A[tx] = T.float32(0)
