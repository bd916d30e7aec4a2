# Intended mistake: buffer_type= on T.match_buffer (not a keyword in TVM 0.27).
from tvm.script import tirx as T


@T.prim_func
def zero_fill(a: T.handle):
    A = T.match_buffer(a, (16,), "float32", buffer_type="auto")
    for i in range(16):
        A[i] = T.float32(0)
