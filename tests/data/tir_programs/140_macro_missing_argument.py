# Intended mistake: a T.macro called with too few arguments.
from tvm.script import tirx as T


@T.macro
def store(dst, src, i):
    dst[i] = src[i]


@T.prim_func
def copy_all(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        store(B, A)
