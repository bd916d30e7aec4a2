from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def tile_zero(A: T.Buffer((16, 16), "float32")):
    for io, jo in T.grid(4, 4):
        with T.sblock("tile"):
            vio, vjo = T.axis.remap("SS", [io, jo])
            T.reads()
            T.writes(A[vio * 4 : vio * 4 + 4, vjo * 4 : vjo * 4 + 4])
            sub = T.match_buffer(A[vio * 4 : vio * 4 + 4, vjo * 4 : vjo * 4 + 4], (4, 4), "float32")
            for i, j in T.grid(4, 4):
                sub[i, j] = T.float32(0)
