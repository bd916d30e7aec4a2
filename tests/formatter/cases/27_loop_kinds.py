from tvm.script import tirx as T


@T.prim_func
def kinds(A: T.Buffer((4, 8, 16, 4), "float32")):
    for a in T.parallel(4):
        for b in T.serial(8):
            for c in T.vectorized(16):
                for d in T.unroll(4):
                    A[a, b, c, d] = T.float32(0)
