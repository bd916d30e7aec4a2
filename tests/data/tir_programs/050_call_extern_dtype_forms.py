from tvm.script import tirx as T


@T.prim_func
def externs(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
    for i in range(16):
        B[i] = T.call_extern("float32", "fabsf", A[i]) + T.call_extern("expf", A[i], dtype="float32")
        B[i] = B[i] + T.call_pure_extern("sqrtf", A[i], dtype="float32") + T.call_pure_extern("float32", "cbrtf", A[i])
