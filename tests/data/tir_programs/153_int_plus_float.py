# Intended mistake: int32 + float32 without a cast (TVM accepts it and casts).
from tvm.script import tirx as T


@T.prim_func
def mix(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        B[i] = A[i] + B[i]
