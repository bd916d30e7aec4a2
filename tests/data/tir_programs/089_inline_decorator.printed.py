# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def use_inline(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "int32")):
    for i in range(8):
        B[i] = A[i] + 3