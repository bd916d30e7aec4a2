from tvm.script import tirx as T

N = 16


@T.prim_func(s_tir=True)
def saxpy(
    X: T.Buffer((N,), "float32"),
    Y: T.Buffer((N,), "float32"),
    a: T.float32,
):
    """Y = a * X + Y."""
    for i in range(N):
        with T.sblock("Y"):
            vi = T.axis.spatial(N, i)
            Y[vi] = a * X[vi] + Y[vi]  # in place
