# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def strided(A: T.Buffer(("n", 8), "float32", strides=("s0", 1), offset_factor=16), B: T.Buffer((n, 8), "float32", offset_factor=1)):
    n = T.int32()
    for i, j in T.grid(n, 8):
        B[i, j] = A[i, j]