# Intended mistake: a (16,) buffer passed to a subroutine expecting (32,) (TVM accepts it).
from tvm.script import ir as I
from tvm.script import tirx as T


@I.ir_module
class Module:
    @T.prim_func(private=True)
    def fill(row: T.Buffer((32,), "float32")):
        for j in range(32):
            row[j] = T.float32(0)

    @T.prim_func
    def main(A: T.Buffer((16,), "float32")):
        Module.fill(A)
