# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def poke(A: T.Buffer((16,), "int32")):
    A[20] = 1