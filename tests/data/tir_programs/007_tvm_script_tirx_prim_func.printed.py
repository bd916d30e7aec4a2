# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def copy(A: T.Buffer((10,), "int8"), B: T.Buffer((10,), "int8")):
    for i in range(10):
        B[i] = A[i]