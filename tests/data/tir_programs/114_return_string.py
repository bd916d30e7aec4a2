# Intended mistake: a prim_func annotated -> T.int32 returns a str (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def name_of(x: T.int32) -> T.int32:
    return "x"
