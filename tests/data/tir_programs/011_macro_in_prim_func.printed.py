# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def relu(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    for i in range(64):
        B[i] = T.max(A[i], T.float32(0.0))