# Intended mistake: a prim_func returns a Python tuple.
from tvm.script import tirx as T


@T.prim_func
def pair(x: T.int32) -> T.int32:
    return x, x
