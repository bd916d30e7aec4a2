from tvm.script import tirx as T


@T.prim_func
def continued(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
    for i in range(4):
        B[i] = A[i] + \
            A[i]
