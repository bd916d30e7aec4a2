from tvm.script import tirx as T


@T.prim_func
def attributed(A: T.Buffer((8,), "float32")):
    T.func_attr({"global_symbol": "attributed", "tirx.noalias": True, "layout_free_buffers": [0], "target_hint": "cpu"})
    for i in T.serial(8, annotations={"pragma_auto_unroll_max_step": 16, "pragma_unroll_explicit": 1}):
        A[i] = T.float32(0)
