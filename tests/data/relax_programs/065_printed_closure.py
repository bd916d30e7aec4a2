from tvm.script import ir as I
from tvm.script import relax as R


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4,), dtype="float32"), bias: R.Tensor((4,), dtype="float32")) -> R.Tensor((4,), dtype="float32"):
        # from tvm.script import relax as R

        @R.function
        def add_bias(y: R.Tensor((4,), dtype="float32")) -> R.Tensor((4,), dtype="float32"):
            z: R.Tensor((4,), dtype="float32") = R.add(y, bias)
            return z

        a: R.Tensor((4,), dtype="float32") = add_bias(x)
        b: R.Tensor((4,), dtype="float32") = R.exp(a)
        return b
