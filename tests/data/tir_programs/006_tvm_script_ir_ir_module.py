import tvm
from tvm.script import tirx as T


@tvm.script.ir.ir_module
class Module:
    @T.prim_func
    def main(A: T.Buffer((32,), "float32"), B: T.Buffer((32,), "float32")):
        for i in T.serial(32):
            B[i] = T.max(A[i], T.float32(0))
