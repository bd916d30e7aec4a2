from tvm.script import tirx as T


@T.prim_func
def par_scale(A: T.Buffer((1024,), "float32"), B: T.Buffer((1024,), "float32")):
    T.func_attr({"target": T.target("llvm"), "tirx.noalias": True})
    for io in T.parallel(16):
        for ii in T.vectorized(64):
            B[io * 64 + ii] = A[io * 64 + ii] * T.float32(0.5)
