from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 3), "float32")):
        parts = R.split(x, 3, axis=1)
        y = parts[3]
        return y
