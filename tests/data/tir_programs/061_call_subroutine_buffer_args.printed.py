# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@I.ir_module
class Module:
    @T.prim_func(private=True)
    def fill_row(row: T.Buffer((32,), "float32"), value: T.float32):
        for j in range(32):
            row[j] = value

    @T.prim_func
    def main(A: T.Buffer((32,), "float32")):
        Module.fill_row(A, T.float32(3.0))