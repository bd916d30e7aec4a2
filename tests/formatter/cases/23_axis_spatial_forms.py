from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def row_sum(A: T.Buffer((16, 32), "float32"), B: T.Buffer((16,), "float32")):
    for i, k in T.grid(16, 32):
        with T.sblock("B"):
            vi = T.axis.spatial(16, i)
            vk = T.axis.reduce(32, k)
            with T.init():
                B[vi] = 0.0
            B[vi] = B[vi] + A[vi, vk]
