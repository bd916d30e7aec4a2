# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def bit_ops(A: T.Buffer((64,), "uint32"), B: T.Buffer((64,), "uint32")):
    for i in range(64):
        x: T.uint32 = A[i]
        y: T.uint32 = x << T.uint32(3) ^ x >> T.uint32(5)
        z: T.uint32 = y & T.uint32(4278255360) | ~x & T.uint32(16711935)
        B[i] = (z << T.uint32(1)) + (z >> T.uint32(2)) + (x ^ y) + T.popcount(z)