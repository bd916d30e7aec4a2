# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def loops(A: T.Buffer((64,), "float32")):
    for i in T.serial(0, 64, annotations={"pragma_auto_unroll_max_step": 16}, step=2):
        A[i] = T.float32(0.0)
    for i in T.unroll(4, annotations={"pragma_unroll_explicit": 0}):
        A[i * 2 + 1] = T.float32(1.0)
    for i in range(8, 16):
        A[i * 2 + 1] = T.float32(2.0)
    for i in range(4, 12):
        for j in range(2):
            A[i * 2 + j + 32] = T.float32(3.0)