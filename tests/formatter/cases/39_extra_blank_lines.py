from tvm.script import tirx as T


@T.prim_func
def spaced(A: T.Buffer((3,), "float32")):

    A[0] = T.float32(0)



    A[1] = T.float32(1)

    A[2] = T.float32(2)

@T.prim_func
def after_one_blank_line(A: T.Buffer((1,), "float32")):
    A[0] = T.float32(3)





@T.prim_func
def after_five(A: T.Buffer((1,), "float32")):
    A[0] = T.float32(4)



