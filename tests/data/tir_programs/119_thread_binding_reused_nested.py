# Intended mistake: threadIdx.x bound by two nested loops (TVM accepts it).
from tvm.script import tirx as T


@T.prim_func(s_tir=True)
def nested_tx(A: T.Buffer((32, 32), "float32")):
    for i in T.thread_binding(32, thread="threadIdx.x"):
        for j in T.thread_binding(32, thread="threadIdx.x"):
            with T.sblock("A"):
                vi, vj = T.axis.remap("SS", [i, j])
                A[vi, vj] = T.float32(0)
