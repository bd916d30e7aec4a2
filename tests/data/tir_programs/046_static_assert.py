from tvm.script import tirx as T

TILE = 16


@T.prim_func
def tiled_copy(A: T.Buffer((64,), "float32"), B: T.Buffer((64,), "float32")):
    T.static_assert(64 % TILE == 0, "extent must be a multiple of the tile")
    for io, ii in T.grid(64 // TILE, TILE):
        B[io * TILE + ii] = A[io * TILE + ii]
