from tvm.script import tirx as T

dims = (16, 64)


@T.prim_func(s_tir=True)
def copy(A: T.Buffer(dims, "float32"), B: T.Buffer(dims, "float32")):
    for i, j in T.grid(dims[0], dims[1]):
        with T.sblock("B"):
            vi, vj = T.axis.remap("SS", [i, j])
            B[vi, vj] = A[vi,vj]
