from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def softmax_row(A: T.Buffer((4, 64), "float32"), B: T.Buffer((4, 64), "float32"), M: T.Buffer((4,), "float32")):
    for i, j in T.grid(4, 64):
        with T.sblock("B"):
            vi, vj = T.axis.remap("SS", [i, j])
            B[vi, vj] = T.exp(A[vi, vj] - M[vi]) / T.max(T.exp(A[vi, 0] - M[vi]) + T.exp(A[vi, 1] - M[vi]), T.float32(1e-6))
