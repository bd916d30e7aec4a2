# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def iota(A: T.Buffer((8,), "int32")):
    for i in range(8):
        A[i] = i