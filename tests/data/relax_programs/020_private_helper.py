from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function(private=True)
    def square(x: R.Tensor((5,), "float32")) -> R.Tensor((5,), "float32"):
        return R.multiply(x, x)

    @R.function
    def main(x: R.Tensor((5,), "float32")) -> R.Tensor((5,), "float32"):
        cls = Module
        y = cls.square(x)
        z = R.sqrt(y)
        return z
