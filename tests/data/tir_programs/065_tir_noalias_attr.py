from tvm.script import tirx as T


@T.prim_func
def legacy_attr(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
    T.func_attr({"tir.noalias": True, "global_symbol": "legacy_attr"})
    for i in range(8):
        B[i] = A[i]
