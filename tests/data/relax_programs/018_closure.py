from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((8,), "float32"), scale: R.Tensor((8,), "float32")):
        @R.function
        def scaled(v: R.Tensor((8,), "float32")) -> R.Tensor((8,), "float32"):
            r = R.multiply(v, scale)
            return r

        y = scaled(x)
        z = scaled(y)
        return z
