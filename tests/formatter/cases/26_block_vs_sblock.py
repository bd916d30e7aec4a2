from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def with_block(A: T.Buffer((4,), "float32")):
    for i in range(4):
        with T.block("A"):
            vi = T.axis.spatial(4, i)
            A[vi] = T.float32(1)


@T.prim_func(s_tir=True)
def with_sblock(A: T.Buffer((4,), "float32")):
    for i in range(4):
        with T.sblock("A"):
            vi = T.axis.spatial(4, i)
            A[vi] = T.float32(1)
