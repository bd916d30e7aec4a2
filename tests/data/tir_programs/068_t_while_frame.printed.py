# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def countdown(A: T.Buffer((10,), "int32")):
    i: T.int32 = 9
    while i >= 0:
        A[i] = i * i
        i = i - 1