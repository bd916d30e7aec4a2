from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def poly(A: T.Buffer((256,), "float32"), B: T.Buffer((256,), "float32")):
    for i in range(256):
        with T.sblock("B"):
            vi = T.axis.spatial(256, i)
            B[vi] = A[vi] * A[vi] * A[vi] * T.float32(0.25) + A[vi] * A[vi] * T.float32(0.5) + A[vi] * T.float32(2) + T.float32(1)
