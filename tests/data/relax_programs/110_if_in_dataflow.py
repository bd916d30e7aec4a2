from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(c: R.Tensor((), "bool"), x: R.Tensor((4,), "float32")):
        with R.dataflow():
            y = R.exp(x)
            if c:
                z = y
            else:
                z = R.negative(y)
            R.output(z)
        return z
