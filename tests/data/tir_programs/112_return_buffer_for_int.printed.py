# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def first(A: T.Buffer((8,), "float32")) -> T.int32:
    return A