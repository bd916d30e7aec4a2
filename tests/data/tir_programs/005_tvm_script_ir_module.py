import tvm
from tvm.script import tirx as T


@tvm.script.ir_module
class Module:
    @T.prim_func
    def main(A: T.Buffer((4, 4), "float32"), B: T.Buffer((4, 4), "float32")):
        for i, j in T.grid(4, 4):
            B[j, i] = A[i, j]
