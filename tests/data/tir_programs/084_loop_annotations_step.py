from tvm.script import tirx as T


@T.prim_func
def loops(A: T.Buffer((64,), "float32")):
    for i in T.serial(0, 64, step=2, annotations={"pragma_auto_unroll_max_step": 16}):
        A[i] = T.float32(0)
    for i in T.unroll(4, annotations={"pragma_unroll_explicit": 0}):
        A[i * 2 + 1] = T.float32(1)
    for i in T.serial(8, 16):
        A[i * 2 + 1] = T.float32(2)
    for i, j in T.grid((4, 8), 2):
        A[i * 2 + j + 32] = T.float32(3)
