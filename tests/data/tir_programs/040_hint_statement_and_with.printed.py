# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def hinted(A: T.Buffer((256,), "float32"), B: T.Buffer((256,), "float32")):
    T.hint("vectorize the inner loop", factor=4)
    T.hint("stage through registers")
    for i in range(256):
        B[i] = A[i] * T.float32(2.0)