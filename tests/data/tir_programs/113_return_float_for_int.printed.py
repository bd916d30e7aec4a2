# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def twice(x: T.float32) -> T.int32:
    return x * T.float32(2.0)