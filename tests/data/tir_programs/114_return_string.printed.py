# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def name_of(x: T.int32) -> T.int32:
    return "x"