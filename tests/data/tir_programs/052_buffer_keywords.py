from tvm.script import tirx as T


@T.prim_func
def strided(a: T.handle, b: T.handle):
    n = T.int32()
    s0 = T.int32()
    A = T.match_buffer(a, (n, 8), "float32", strides=[s0, 1], align=64, offset_factor=16)
    B = T.match_buffer(b, (n, 8), "float32", elem_offset=T.int32(), offset_factor=1, scope="global")
    for i, j in T.grid(n, 8):
        B[i, j] = A[i, j]
