from tvm.script import tirx as T


@T.prim_func
def guarded(A: T.Buffer((100,), "float32"), n: T.int32):
    T.evaluate(T.assume(n <= 100))
    for io, ii in T.grid(25, 4):
        if T.likely(io * 4 + ii < n):
            A[io * 4 + ii] = T.float32(1)
