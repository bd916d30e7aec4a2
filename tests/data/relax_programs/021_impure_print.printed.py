# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function(pure=False)
    def main(x: R.Tensor((3,), dtype="float32")) -> R.Tensor((3,), dtype="float32"):
        R.print(x, format=R.str("input: {}"))
        y: R.Tensor((3,), dtype="float32") = R.add(x, R.const(1.0, "float32"))
        R.print(y, format=R.str("output: {}"))
        R.assert_op(R.const(True, "bool"), format=R.str("always true"))
        return y