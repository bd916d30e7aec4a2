from tvm.script import tirx as T


@T.prim_func
def pragmas(A: T.Buffer((32,), "float32")):
    with T.attr(0, "pragma_auto_unroll_max_step", 8):
        for i in range(32):
            A[i] = T.float32(1)
    with T.attr(A.data, "storage_alignment", 64):
        A[0] = T.float32(2)
