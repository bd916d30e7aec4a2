# Intended mistake: T.static_assert whose condition is false.
from tvm.script import tirx as T


TILE = 24


@T.prim_func
def tiled_zero(A: T.Buffer((64,), "float32")):
    T.static_assert(64 % TILE == 0, "extent must be a multiple of the tile")
    for i in range(64):
        A[i] = T.float32(0)
