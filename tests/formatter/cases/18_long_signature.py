from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def fused(A: T.Buffer((128, 128), "float32"), B: T.Buffer((128, 128), "float32"), C: T.Buffer((128,), "float32"), D: T.Buffer((128, 128), "float32"), E: T.Buffer((128, 128), "float32")):
    for i, j in T.grid(128, 128):
        with T.sblock("E"):
            vi, vj = T.axis.remap("SS", [i, j])
            E[vi, vj] = A[vi, vj] * B[vi, vj] + C[vj] - D[vi, vj]
