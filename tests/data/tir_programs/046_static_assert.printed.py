# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def tiled_copy(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    for io, ii in T.grid(4, 16):
        B[io * 16 + ii] = A[io * 16 + ii]