from tvm.script import ir as I
from tvm.script import relax as R


@I.ir_module
class Module:
    @R.function
    def main(cond: R.Tensor((), dtype="bool"), x: R.Tensor((2, 2), dtype="float32"), y: R.Tensor((2, 2), dtype="float32")) -> R.Tensor((2, 2), dtype="float32"):
        if cond:
            lv: R.Tensor((2, 2), dtype="float32") = R.add(x, y)
            gv_then: R.Tensor((2, 2), dtype="float32") = R.nn.relu(lv)
            gv: R.Tensor((2, 2), dtype="float32") = gv_then
        else:
            gv_else: R.Tensor((2, 2), dtype="float32") = R.subtract(x, y)
            gv: R.Tensor((2, 2), dtype="float32") = gv_else
        return gv
