from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(state: R.Object, x: R.Tensor((4,), "float32")) -> R.Tuple(R.Object, R.Tensor((4,), "float32")):
        y = R.abs(x)
        return (state, y)
