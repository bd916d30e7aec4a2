# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def mix(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = T.Cast("float32", A[i]) + B[i]