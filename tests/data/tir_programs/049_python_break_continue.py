from tvm.script import tirx as T


@T.prim_func
def count_until_zero(A: T.Buffer((64,), "int32"), out: T.Buffer((1,), "int32")):
    out[0] = 0
    for i in range(64):
        if A[i] == 0:
            break
        if A[i] < 0:
            continue
        out[0] = out[0] + 1
