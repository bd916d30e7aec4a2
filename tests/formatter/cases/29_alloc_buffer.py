from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def exp_then_scale(A: T.Buffer((32,), "float32"), C: T.Buffer((32,), "float32")):
    B = T.alloc_buffer((32,))  # the intermediate
    for i in range(32):
        with T.sblock("B"):
            vi = T.axis.spatial(32, i)
            B[vi] = T.exp(A[vi])
    for i in range(32):
        with T.sblock("C"):
            vi = T.axis.spatial(32, i)
            C[vi] = B[vi] * T.float32(2)
