# Intended mistake: a (16, 16) TileLayout on a (32, 32) buffer (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func
def stage(A: T.Buffer((32, 32), "float32")):
    T.device_entry()
    bx = T.cta_id([1])
    tid = T.thread_id([32])
    tile = T.alloc_buffer((32, 32), "float32", scope="shared", layout=T.TileLayout(T.S[(16, 16):(16, 1)]))
    tile[tid, 0] = A[tid, 0]
