# Intended mistake: a bare return (no value) in a prim_func (expected accepted; TVM rejects it).
from tvm.script import tirx as T


@T.prim_func
def early_exit(A: T.Buffer((16,), "float32"), flag: T.int32):
    if flag == 0:
        return
    for i in range(16):
        A[i] = T.float32(0)
