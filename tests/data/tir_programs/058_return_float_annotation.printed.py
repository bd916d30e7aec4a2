# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def sum8(A: T.Buffer((8,), "float32")) -> T.float32:
    acc: T.float32 = T.float32(0.0)
    for i in range(8):
        acc = acc + A[i]
    return acc