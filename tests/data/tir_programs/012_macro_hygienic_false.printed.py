# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def double(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    for i in range(32):
        B[i] = A[i] * T.float32(2.0)