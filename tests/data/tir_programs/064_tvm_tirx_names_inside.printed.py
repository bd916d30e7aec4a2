# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def consts(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = i + 1 + 2
        B[i] = T.float32(0.5) + T.Cast("float32", i)