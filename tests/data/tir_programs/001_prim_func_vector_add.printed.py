# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def vector_add(A: T.Buffer((128,), "float32"), B: T.Buffer((128,), "float32"), C: T.Buffer((128,), "float32")):
    for i in range(128):
        C[i] = A[i] + B[i]