from tvm.script import tirx as T


@T.prim_func
def clamp_index(A: T.Buffer((16,), "int32"), B: T.Buffer((16,), "int32")):
    for i in range(16):
        lo: T.let[T.int32] = 0
        hi: T.let[T.int32] = 15
        B[i] = T.max(lo, T.min(hi, A[i]))
