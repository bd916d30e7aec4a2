# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def lets(A: T.Buffer((16,), "int32"), n: T.int32):
    m: T.let[T.int32] = n * 2
    k: T.let[T.int32] = m + 1
    w: T.let[T.int64] = T.int64(7)
    for i in range(16):
        x = T.int32()
        A[i] = T.Let(x + k, where={x: i}) + T.Cast("int32", w)