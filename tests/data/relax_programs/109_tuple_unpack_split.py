from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 6), "float32")):
        a, b = R.split(x, 2, axis=1)
        return R.add(a, b)
