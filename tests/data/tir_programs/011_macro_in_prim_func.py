from tvm.script import tirx as T


@T.macro
def relu_into(dst, src, i):
    dst[i] = T.max(src[i], T.float32(0))


@T.prim_func
def relu(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    for i in range(64):
        relu_into(B, A, i)
