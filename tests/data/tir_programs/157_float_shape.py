# Intended mistake: a float (4.5) in a buffer shape.
from tvm.script import tirx as T


@T.prim_func
def staged(A: T.Buffer((8,), "float32")):
    tmp = T.alloc_buffer((4.5,), "float32")
    A[0] = tmp[0]
