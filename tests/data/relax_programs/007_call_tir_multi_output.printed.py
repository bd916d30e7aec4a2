# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @T.prim_func
    def min_max(A: T.Buffer((16,), "float32"), lo: T.Buffer((16,), "float32"), hi: T.Buffer((16,), "float32")):
        for i in range(16):
            lo[i] = T.min(A[i], T.float32(0.0))
            hi[i] = T.max(A[i], T.float32(0.0))

    @R.function
    def main(x: R.Tensor((16,), dtype="float32")) -> R.Tensor((16,), dtype="float32"):
        cls = Module
        with R.dataflow():
            res = R.call_tir(cls.min_max, (x,), out_ty=[R.Tensor((16,), dtype="float32"), R.Tensor((16,), dtype="float32")])
            neg: R.Tensor((16,), dtype="float32") = res[0]
            pos: R.Tensor((16,), dtype="float32") = res[1]
            total: R.Tensor((16,), dtype="float32") = R.add(neg, pos)
            R.output(total)
        return total