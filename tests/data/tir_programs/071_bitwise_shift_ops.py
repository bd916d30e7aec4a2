from tvm.script import tirx as T


@T.prim_func
def bit_ops(A: T.Buffer((64,), "uint32"), B: T.Buffer((64,), "uint32")):
    for i in range(64):
        x: T.uint32 = A[i]
        y: T.uint32 = (x << T.uint32(3)) ^ (x >> T.uint32(5))
        z: T.uint32 = (y & T.uint32(0xFF00FF00)) | (~x & T.uint32(0x00FF00FF))
        B[i] = T.shift_left(z, T.uint32(1)) + T.shift_right(z, T.uint32(2)) + T.bitwise_xor(x, y) + T.popcount(z)
