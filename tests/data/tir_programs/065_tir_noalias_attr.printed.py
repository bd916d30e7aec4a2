# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def legacy_attr(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    T.func_attr({"tir.noalias": True})
    for i in range(8):
        B[i] = A[i]