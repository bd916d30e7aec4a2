from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def leaky_relu(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    for i in range(64):
        with T.sblock("B"):
            vi = T.axis.spatial(64, i)
            if A[vi] > T.float32(0):
                B[vi] = A[vi]
            else:
                B[vi] = T.if_then_else(A[vi] > T.float32(-1), A[vi] * T.float32(0.01), T.float32(-0.01))
