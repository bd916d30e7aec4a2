from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def clip(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):  # the signature
    for i in range(16):  # the loop
        with T.sblock("B"):  # the block
            vi = T.axis.spatial(16, i)
            if A[vi] > T.float32(1):  # too large
                B[vi] = T.float32(1)
            else:  # small enough
                B[vi] = A[vi]
