from tvm.script import tirx as T


@T.prim_func
def fill(A: T.Buffer((4,), "float32")):
    """Fill A with ones."""
    for i in range(4):
        A[i] = T.float32(1)
