from tvm.script import tirx as T


@T.prim_func
def vec_buffers(A: T.Buffer((16,), "float32x4"), B: T.Buffer((16,), "float32x4")):
    for i in range(16):
        v: T.float32x4 = A[i]
        B[i] = v + T.float32x4(T.Broadcast(T.float32(1), 4))
