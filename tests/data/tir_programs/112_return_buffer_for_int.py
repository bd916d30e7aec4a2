# Intended mistake: a prim_func annotated -> T.int32 returns a Buffer (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def first(A: T.Buffer((8,), "float32")) -> T.int32:
    return A
