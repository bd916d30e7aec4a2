# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def mixed_precision(A: T.Buffer((32,), "float16"), B: T.Buffer((32,), "bfloat16"), C: T.Buffer((32,), "float32")):
    for i in range(32):
        a: T.float16 = A[i] * T.float16(0.5)
        b: T.bfloat16 = B[i] + T.bfloat16(1.0)
        C[i] = T.Cast("float32", a) + T.Cast("float32", b)