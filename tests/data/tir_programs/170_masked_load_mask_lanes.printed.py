# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def loads(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
    for i in range(4):
        v: T.let[T.float32x4] = T.masked_load("float32x4", A, T.Ramp(i * 4, 1, 4), T.Broadcast(T.bool(True), 8))
        B[i * 4:i * 4 + 4] = v