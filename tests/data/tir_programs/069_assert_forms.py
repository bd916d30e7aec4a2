from tvm.script import tirx as T


@T.prim_func
def checked(a: T.handle, n: T.int32):
    A = T.match_buffer(a, (n,), "float32")
    assert n > 0, "n must be positive"
    with T.Assert(n <= 1024, "n too large"):
        for i in range(n):
            A[i] = T.float32(0)
