# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def zero_fill(A: T.Buffer((8,), "float31")):
    for i in range(8):
        A[i] = T.float31(0.0)