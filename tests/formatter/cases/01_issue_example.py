from tvm.script import tir as T

N = 8


@T.prim_func
def add(a: T.Buffer((N, 32), "float32"), b: T.Buffer((N, 32), "float32"),  # first input
        c: T.Buffer((N, 32), "float32")):
    """Add two matrices."""
    for i, j in T.grid(N, 32):
        with T.block("c"):
            vi, vj = T.axis.remap("SS", [i, j])
            c[vi, vj] = a[vi, vj] + b[vi, vj]  # the sum


@T.prim_func
def zero(c: T.Buffer((N * 2,), "float32")):
    for i in range(N * 2):
        with T.block("z"):
            vi = T.axis.spatial(N * 2, i)
            c[vi] = 0.0
