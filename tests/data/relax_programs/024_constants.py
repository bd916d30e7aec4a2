from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4,), "float32"), idx: R.Tensor((4,), "int64")):
        with R.dataflow():
            a = R.add(x, R.const(0.5, "float32"))
            b = R.multiply(a, R.const(2.0))
            c = R.add(idx, R.const(1, "int64"))
            m = R.greater(b, R.const(1.0, "float32"))
            R.output(b, c, m)
        return (b, c, m)
