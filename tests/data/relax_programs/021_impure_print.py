from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function(pure=False)
    def main(x: R.Tensor((3,), "float32")) -> R.Tensor((3,), "float32"):
        R.print(x, format="input: {}")
        y = R.add(x, R.const(1.0, "float32"))
        R.print(y, format=R.str("output: {}"))
        R.assert_op(R.const(True), format="always true")
        return y
