# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def vec_buffers(A: T.Buffer((16,), "float32x4"), B: T.Buffer((16,), "float32x4")):
    for i in range(16):
        v: T.float32x4 = A[i]
        B[i] = v + T.Broadcast(T.float32(1.0), 4)