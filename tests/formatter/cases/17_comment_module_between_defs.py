from tvm.script import tirx as T

# ---------------------------------------------------------------------------------------
# Section one


@T.prim_func
def one(A: T.Buffer((1,), "int32")):
    A[0] = 1
# ---------------------------------------------------------------------------------------
# Section two
@T.prim_func
def two(A: T.Buffer((1,), "int32")):
    A[0] = 2
