from tvm.script import tirx as T

N = 128
M = N * 2


@T.prim_func(s_tir=True)
def scale(A: T.Buffer((N, M), "float32"), B: T.Buffer((N, M), "float32")):
    for i in range(N):
        for j in range( M ):
            with T.sblock("B"):
                vi, vj = T.axis.remap("SS", [i, j])
                B[vi, vj] = A[vi, vj]*T.float32(2)
