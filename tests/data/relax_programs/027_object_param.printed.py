# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(state: R.Any, x: R.Tensor((4,), dtype="float32")) -> R.Tuple(R.Any, R.Tensor((4,), dtype="float32")):
        y: R.Tensor((4,), dtype="float32") = R.abs(x)
        return (state, y)