# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@I.ir_module
class Module:
    @T.prim_func(private=True)
    def add3(a: T.int32, b: T.int32, c: T.int32) -> T.int32:
        return a + b + c

    @T.prim_func
    def main(A: T.Buffer((8,), "int32")):
        for i in range(8):
            A[i] = Module.add3(i, i, 1)