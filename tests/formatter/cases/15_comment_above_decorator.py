from tvm.script import tirx as T

SIZE = 4
# This comment belongs to the kernel below.
@T.prim_func
def first(A: T.Buffer((SIZE,), "float32")):
    A[0] = T.float32(0)
# A separate note.

@T.prim_func
def second(A: T.Buffer((SIZE,), "float32")):
    A[1] = T.float32(1)
