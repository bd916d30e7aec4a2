from tvm.script import tirx as T


@T.prim_func
def pair(A: T.Buffer((2,), "float32")):
    A[0] = T.float32(1); A[1] = T.float32(2)
    for i in (range(2)):
        A[i] = (A[i] + (T.float32(1)))
