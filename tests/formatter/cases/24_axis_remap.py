from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def transpose(A: T.Buffer((12, 20), "float32"), B: T.Buffer((20, 12), "float32")):
    for i, j in T.grid(20, 12):
        with T.sblock("B"):
            vi, vj = T.axis.remap( "SS", [i, j] )
            B[vi, vj] = A[vj, vi]
