from tvm.script import tirx as T


@T.prim_func(private=True)
def scale(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
    for i, j in T.grid(8, 8):
        B[i, j] = A[i, j] * T.float32(2)
