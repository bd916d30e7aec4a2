from tvm.script import tirx as T

N = 64
TILE = 4


@T.prim_func(s_tir=True)
def tiled(A: T.Buffer((N,), "float32"), B: T.Buffer((N,), "float32")):
    for io, ii in T.grid(N // TILE, TILE):
        with T.sblock("B"):
            v = T.axis.spatial(N, io * TILE + ii)
            B[v] = A[v] + T.float32(1)
