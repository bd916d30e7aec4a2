# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4,), dtype="float32"), idx: R.Tensor((4,), dtype="int64")) -> R.Tuple(R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="int64"), R.Tensor((4,), dtype="bool")):
        with R.dataflow():
            a: R.Tensor((4,), dtype="float32") = R.add(x, R.const(0.5, "float32"))
            b: R.Tensor((4,), dtype="float32") = R.multiply(a, R.const(2.0, "float32"))
            c: R.Tensor((4,), dtype="int64") = R.add(idx, R.const(1, "int64"))
            m: R.Tensor((4,), dtype="bool") = R.greater(b, R.const(1.0, "float32"))
            R.output(b, c, m)
        return (b, c, m)