# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def vec4_axpy(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32"), alpha: T.float32):
    for i in range(16):
        B[i * 4:i * 4 + 4] = A[T.Ramp(i * 4, 1, 4)] * T.Broadcast(alpha, 4) + B[T.Ramp(i * 4, 1, 4)]