# Intended mistake: T.cuda.warp_summ (misspelled T.cuda.warp_sum).
from tvm.script import tirx as T


@T.prim_func
def warp_total(A: T.Buffer((32,), "float32")):
    T.device_entry()
    lane = T.thread_id([32])
    A[lane] = T.cuda.warp_summ(A[lane])
