from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def relu(A: T.Buffer((8, 8), "float32"), B: T.Buffer((8, 8), "float32")):
    # every row
    for i in range(8):
        # every column
        for j in range(8):
            # one element
            with T.sblock("B"):
                # the axes
                vi, vj = T.axis.remap("SS", [i, j])
                    # an over-indented comment
                B[vi, vj] = T.max(A[vi, vj], T.float32(0))
