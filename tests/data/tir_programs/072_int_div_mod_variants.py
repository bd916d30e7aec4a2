from tvm.script import tirx as T


@T.prim_func
def divs(A: T.Buffer((32,), "int32"), B: T.Buffer((32, 5), "int32")):
    for i in range(32):
        B[i, 0] = A[i] // 3
        B[i, 1] = A[i] % 3
        B[i, 2] = T.truncdiv(A[i], 3)
        B[i, 3] = T.truncmod(A[i], 3)
        B[i, 4] = T.ceildiv(A[i], 4) + T.floordiv(A[i], 5) + T.floormod(A[i], 7)
