from tvm.script import tirx as T


@T.macro
def add_block(dst, a, b, i):
    with T.sblock("add"):
        vi = T.axis.spatial(16, i)
        dst[vi] = a[vi] + b[vi]


@T.prim_func(s_tir=True)
def add_twice(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32"), C: T.Buffer((16,), "float32"), D: T.Buffer((16,), "float32")):
    for i in range(16):
        add_block(C, A, B, i)
    for i in range(16):
        add_block(D, C, B, i)
