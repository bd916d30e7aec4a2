# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

m = TypeVar("m")
n = TypeVar("n")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((n, m), dtype="float32"), y: R.Tensor((m,), dtype="float32")) -> R.Tensor((n, 1), dtype="float32"):
        with R.dataflow():
            lv: R.Tensor((n, m), dtype="float32") = R.add(x, y)
            lv1: R.Tensor((n, m), dtype="float32") = R.nn.softmax(lv, axis=-1)
            gv: R.Tensor((n, 1), dtype="float32") = R.sum(lv1, axis=[1], keepdims=True)
            R.output(gv)
        return gv