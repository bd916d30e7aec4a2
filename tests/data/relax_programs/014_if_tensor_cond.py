from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(cond: R.Tensor((), "bool"), x: R.Tensor((3,), "float32")) -> R.Tensor((3,), "float32"):
        if cond:
            y = R.add(x, x)
        else:
            y = R.multiply(x, R.const(3.0))
        return y
