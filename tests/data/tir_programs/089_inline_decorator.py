from tvm.script import tirx as T

OFFSET = 3


@T.inline
def shifted_copy(dst, src, i):
    dst[i] = src[i] + OFFSET


@T.prim_func
def use_inline(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "int32")):
    for i in range(8):
        shifted_copy(B, A, i)
