# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def count_until_zero(A: T.Buffer((64,), "int32"), out: T.Buffer((1,), "int32")):
    out = 0
    for i in range(64):
        if A[i] == 0:
            T.break_loop()
        if A[i] < 0:
            T.continue_loop()
        out = out + 1