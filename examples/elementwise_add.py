# Elementwise add: C = A + B over an 8x32 float32 grid, one spatial block per element.
from tvmscript import tir as T


@T.prim_func(s_tir=True)
def add(
    A: T.Buffer((8, 32), "float32"),
    B: T.Buffer((8, 32), "float32"),
    C: T.Buffer((8, 32), "float32"),
):
    T.func_attr({"tirx.noalias": True})
    for i, j in T.grid(8, 32):
        with T.sblock("C"):
            vi, vj = T.axis.remap("SS", [i, j])
            T.reads(A[vi, vj], B[vi, vj])
            T.writes(C[vi, vj])
            C[vi, vj] = A[vi, vj] + B[vi, vj]
