from tvm.script import tirx as T


@T.prim_func
def dot_i8(A: T.Buffer((64,), "int8"), B: T.Buffer((64,), "int8"), out: T.Buffer((1,), "int32")):
    acc: T.int32 = 0
    for k in range(64):
        acc = acc + T.Cast("int32", A[k]) * T.cast(B[k], "int32")
    out[0] = acc
