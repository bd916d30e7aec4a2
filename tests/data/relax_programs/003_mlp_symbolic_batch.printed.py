# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

batch = TypeVar("batch")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((batch, 64), dtype="float32"), w: R.Tensor((64, 32), dtype="float32"), b: R.Tensor((32,), dtype="float32")) -> R.Tensor((batch, 32), dtype="float32"):
        with R.dataflow():
            lv0: R.Tensor((batch, 32), dtype="float32") = R.matmul(x, w, out_dtype=None)
            lv1: R.Tensor((batch, 32), dtype="float32") = R.add(lv0, b)
            gv: R.Tensor((batch, 32), dtype="float32") = R.nn.silu(lv1)
            R.output(gv)
        return gv