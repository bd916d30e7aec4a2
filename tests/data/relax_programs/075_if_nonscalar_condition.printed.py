# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(mask: R.Tensor((4,), dtype="bool"), x: R.Tensor((4,), dtype="float32")) -> R.Tensor((4,), dtype="float32"):
        if mask:
            y: R.Tensor((4,), dtype="float32") = x
        else:
            y_else: R.Tensor((4,), dtype="float32") = R.negative(x)
            y: R.Tensor((4,), dtype="float32") = y_else
        return y