from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(("n * m",), "float32"), target: R.Shape(["n", "m"])):
        n = T.int64()
        m = T.int64()
        y: R.Tensor((n, m), "float32") = R.reshape(x, target)
        s = R.shape_of(y)
        return (y, s)
