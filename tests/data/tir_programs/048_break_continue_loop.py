from tvm.script import tirx as T


@T.prim_func
def first_negative(A: T.Buffer((64,), "int32"), out: T.Buffer((1,), "int32")):
    out[0] = -1
    for i in range(64):
        if A[i] == 0:
            T.continue_loop()
        if A[i] < 0:
            out[0] = i
            T.break_loop()
