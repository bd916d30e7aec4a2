import tvm.script as ts
from tvm.script import tirx as T


@ts.ir_module
class Module:
    @T.prim_func
    def main(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        for i in T.parallel(8):
            B[i] = T.sqrt(A[i])
