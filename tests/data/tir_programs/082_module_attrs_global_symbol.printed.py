# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis

@I.ir_module
class Module:
    I.module_attrs({"system_lib_prefix": "demo_"})
    @T.prim_func
    def main(A: T.Buffer((8,), "float32"), B: T.Buffer((8,), "float32")):
        T.func_attr({"global_symbol": "demo_main", "tirx.noalias": True})
        for i in range(8):
            B[i] = A[i] + T.float32(1.0)