from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def gather(
    A: T.Buffer(
        (64,),  # length
        "float32",  # element type
    ),
    B: T.Buffer((32,), "float32"),
):
    for i in range(32):
        with T.sblock("B"):
            vi = T.axis.spatial(32, i)
            T.reads(A[vi * 2],  # even elements only
                    )
            T.writes(B[vi])
            B[vi] = A[vi * 2]
