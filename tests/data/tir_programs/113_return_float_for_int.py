# Intended mistake: a prim_func annotated -> T.int32 returns a float32 (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def twice(x: T.float32) -> T.int32:
    return x * T.float32(2)
