# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(cond: R.Tensor((), dtype="bool"), x: R.Tensor((3,), dtype="float32")) -> R.Tensor((3,), dtype="float32"):
        if cond:
            y_then: R.Tensor((3,), dtype="float32") = R.add(x, x)
            y: R.Tensor((3,), dtype="float32") = y_then
        else:
            y_else: R.Tensor((3,), dtype="float32") = R.multiply(x, R.const(3.0, "float32"))
            y: R.Tensor((3,), dtype="float32") = y_else
        return y