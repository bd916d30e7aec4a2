# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main() -> R.Tuple(R.Tensor((2, 3), dtype="float32"), R.Tensor((6,), dtype="int64")):
        with R.dataflow():
            z: R.Tensor((2, 3), dtype="float32") = R.zeros(R.shape([2, 3]), dtype="float32")
            o: R.Tensor((2, 3), dtype="float32") = R.ones(R.shape([2, 3]), dtype="float32")
            f: R.Tensor((2, 3), dtype="float32") = R.full(R.shape([2, 3]), R.const(7.0, "float32"), dtype="float32")
            r: R.Tensor((6,), dtype="int64") = R.arange(0, 6, 1, dtype="int64")
            lv4: R.Tensor((2, 3), dtype="float32") = R.add(z, o)
            s: R.Tensor((2, 3), dtype="float32") = R.add(lv4, f)
            R.output(r, s)
        return (s, r)