from tvm.script import tirx as T


@T.prim_func
def kept(A: T.Buffer((4, 4), "float32")):
    # fmt: off
    A[0, 0] = T.float32( 1 ) ; A[1, 1] = T.float32( 1 )
    # fmt: on
    A[3, 3] = T.float32( 1 )
    A[2, 2] = T.float32( 1 )  # fmt: skip
