from tvm.script import tirx as T


@T.prim_func
def twice(A: T.Buffer((4,), "float32")):
    for i in range(4):
        A[i] = A[i] + A[i]
        # end of the loop
    # end of the function
