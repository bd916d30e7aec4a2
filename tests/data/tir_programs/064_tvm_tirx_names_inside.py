import tvm
from tvm.script import tirx as T


@T.prim_func
def consts(A: T.Buffer((8,), "int32"), B: T.Buffer((8,), "float32")):
    for i in range(8):
        A[i] = i + tvm.tirx.const(1, "int32") + tvm.tirx.IntImm("int32", 2)
        B[i] = tvm.tirx.FloatImm("float32", 0.5) + tvm.tirx.Cast("float32", i)
