from tvm.script import tirx as T


@T.prim_func
def lets(A: T.Buffer((16,), "int32"), n: T.int32):
    m: T.let = n * 2
    k = T.bind(m + 1)
    w: T.let[T.int64] = T.int64(7)
    x = T.int32()
    for i in range(16):
        A[i] = T.Let(x + k, where={x: i}) + T.Cast("int32", w)
