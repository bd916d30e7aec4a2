# Intended mistake: tvm.tir.const inside TVMScript (tvm.tir no longer exists; it is tvm.tirx).
import tvm
from tvm.script import tirx as T


@T.prim_func
def offset(A: T.Buffer((8,), "int32")):
    for i in range(8):
        A[i] = i + tvm.tir.const(1, "int32")
