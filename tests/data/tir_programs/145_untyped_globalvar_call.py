# Intended mistake: tvm.ir.GlobalVar("twice")(...) called without a type.
import tvm
from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
class Module:
    @T.prim_func(private=True)
    def twice(x: T.float32) -> T.float32:
        return x * T.float32(2)

    @T.prim_func
    def main(A: T.Buffer((4,), "float32"), B: T.Buffer((4,), "float32")):
        for i in range(4):
            B[i] = tvm.ir.GlobalVar("twice")(A[i])
