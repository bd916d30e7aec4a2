# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def pragmas(A: T.Buffer((32,), "float32")):
    with T.attr({"pragma_auto_unroll_max_step": 8}):
        for i in range(32):
            A[i] = T.float32(1.0)
    with T.attr(A.data, "storage_alignment", 64):
        A[0] = T.float32(2.0)