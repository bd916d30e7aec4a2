# Intended mistake: T.constexpr parameter in a @T.prim_func (only @T.jit takes it).
from tvm.script import tirx as T


@T.prim_func
def fill_n(A: T.Buffer((8,), "float32"), N: T.constexpr):
    for i in range(8):
        A[i] = T.float32(N)
