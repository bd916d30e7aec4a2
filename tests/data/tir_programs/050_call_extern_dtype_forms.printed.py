# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def externs(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
    for i in range(16):
        B[i] = T.call_extern("float32", "fabsf", A[i]) + T.call_extern("float32", "expf", A[i])
        B[i] = B[i] + T.call_pure_extern("float32", "sqrtf", A[i]) + T.call_pure_extern("float32", "cbrtf", A[i])