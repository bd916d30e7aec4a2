from tvm.script import tirx as T


@T.prim_func
def annotated(
    A: T.Buffer((64,), "float32", align=64, offset_factor=4),
    B: T.Buffer((64,), "float32", scope="global", elem_offset=0),
):
    for i in range(64):
        B[i] = A[i]
