# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def zero_fill(A: T.Buffer((32,), "float32")):
    tx = T.launch_thread("threadIdx.w", 32)
    A[tx] = T.float32(0.0)