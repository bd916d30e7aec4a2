from tvm import script
from tvm.script import tirx as T


@script.ir_module
class Module:
    @T.prim_func
    def main(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        for i in T.unroll(8):
            B[i] = A[i] * A[i]
