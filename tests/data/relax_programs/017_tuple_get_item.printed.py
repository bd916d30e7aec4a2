# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((6, 4), dtype="float32")) -> R.Tensor((2, 4), dtype="float32"):
        with R.dataflow():
            parts: R.Tuple(R.Tensor((2, 4), dtype="float32"), R.Tensor((2, 4), dtype="float32"), R.Tensor((2, 4), dtype="float32")) = R.split(x, indices_or_sections=3, axis=0)
            first: R.Tensor((2, 4), dtype="float32") = parts[0]
            last: R.Tensor((2, 4), dtype="float32") = parts[2]
            y: R.Tensor((2, 4), dtype="float32") = R.maximum(first, last)
            R.output(y)
        return y