# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@T.prim_func
def checked(A: T.Buffer(("n",), "float32"), n: T.int32):
    assert n > 0, ("RuntimeError", ["n must be positive"])
    assert n <= 1024, ("RuntimeError", ["n too large"])
    for i in range(n):
        A[i] = T.float32(0.0)