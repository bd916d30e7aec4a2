# Intended mistake: an 8-lane mask for a 4-lane masked_load (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def loads(A: T.Buffer((16,), "float32"), B: T.Buffer((16,), "float32")):
    for i in range(4):
        v: T.let = T.masked_load("float32x4", A, T.Ramp(i * 4, 1, 4), T.Broadcast(T.bool(True), 8))
        B[T.Ramp(i * 4, 1, 4)] = v
