from tvm.script import tirx as T


@T.prim_func
def workspace(A: T.Buffer((128,), "float32"), B: T.Buffer((128,), "float32")):
    tmp = T.alloc_buffer((128,), "float32", align=64, annotations={"pragma_workspace": 1, "note": "staging"})
    half = T.alloc_buffer((64,), "float32", strides=[2])
    for i in range(128):
        tmp[i] = A[i] * T.float32(2)
    for i in range(64):
        half[i] = tmp[i * 2]
    for i in range(128):
        B[i] = tmp[i] + half[i // 2]
