from tvm.script import tirx as T


@T.prim_func
def pad_relu(A: T.Buffer((30,), "float32"), B: T.Buffer((32,), "float32")):
    for i in range(32):
        B[i] = T.if_then_else(1 <= i and i < 31, T.max(A[i - 1], T.float32(0)), T.float32(0))
        B[i] = T.Select(B[i] > T.float32(6), T.float32(6), B[i])
