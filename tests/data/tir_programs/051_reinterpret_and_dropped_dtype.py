from tvm.script import tirx as T


@T.prim_func
def bits(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "int32"), C: T.Buffer((16,), "float32")):
    for i in range(16):
        B[i] = T.reinterpret("int32", A[i])
        C[i] = T.reinterpret(A[i], dtype="float32") + T.exp(A[i], dtype="float16")
