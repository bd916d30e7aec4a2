from tvm.script import tirx as T


@T.macro(hygienic=False)
def store_twice(i):
    B[i] = A[i] * T.float32(2)


@T.prim_func
def double(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
    for i in range(32):
        store_twice(i)
