from tvm.script import tirx as T


@T.prim_func
def ilog2(A: T.Buffer((1,), "int32"), B: T.Buffer((1,), "int32")):
    n = T.alloc_buffer((1,), "int32", scope="local")
    n[0] = A[0]
    B[0] = 0
    while n[0] > 1:
        n[0] = n[0] // 2
        B[0] = B[0] + 1
