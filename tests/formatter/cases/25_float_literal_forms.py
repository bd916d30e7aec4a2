from tvm.script import tirx as T


@T.prim_func
def literals(A: T.Buffer((6,), "float32")):
    A[0] = 0.0
    A[1] = T.float32(0)
    A[2] = T.float32(0.0)
    A[3] = 1E-5
    A[4] = A[0] * .5
    A[5] = T.float32(0X10)
