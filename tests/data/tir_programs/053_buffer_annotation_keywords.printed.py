# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def annotated(A: T.Buffer((64,), "float32", offset_factor=4), B: T.Buffer((64,), "float32")):
    for i in range(64):
        B[i] = A[i]