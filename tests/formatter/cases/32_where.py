from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def scale_100(A: T.Buffer((100,), "float32"), B: T.Buffer((100,), "float32")):
    for io, ii in T.grid(4, 32):
        with T.sblock("B"):
            v = T.axis.spatial(100, io * 32 + ii)
            T.where(io * 32 + ii < 100)
            B[v] = A[v] * T.float32(3)
