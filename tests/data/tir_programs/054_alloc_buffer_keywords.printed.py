# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def workspace(A: T.Buffer((128,), "float32"), B: T.Buffer((128,), "float32")):
    tmp = T.alloc_buffer((128,), annotations={"note": "staging", "pragma_workspace": 1})
    half = T.alloc_buffer((64,), strides=(2,))
    for i in range(128):
        tmp[i] = A[i] * T.float32(2.0)
    for i in range(64):
        half[i] = tmp[i * 2]
    for i in range(128):
        B[i] = tmp[i] + half[i // 2]