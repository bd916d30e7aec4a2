# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def bits(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "int32"), C: T.Buffer((16,), "float32")):
    for i in range(16):
        B[i] = T.reinterpret("int32", A[i])
        C[i] = A[i] + T.exp(A[i])