# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def clamp_index(i: T.int32, n: T.int32) -> T.int32:
    if i < 0:
        return 0
    if i >= n:
        return n - 1
    return i