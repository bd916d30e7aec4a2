# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 3, 4), dtype="float32")) -> R.Tuple(R.Tensor((), dtype="float32"), R.Tensor((2, 3), dtype="float32"), R.Tensor((2, 1, 1), dtype="float32"), R.Tensor((2, 3), dtype="float32"), R.Tensor((3, 4), dtype="float32")):
        with R.dataflow():
            total: R.Tensor((), dtype="float32") = R.sum(x, axis=None, keepdims=False)
            row: R.Tensor((2, 3), dtype="float32") = R.sum(x, axis=[2], keepdims=False)
            avg: R.Tensor((2, 1, 1), dtype="float32") = R.mean(x, axis=[1, 2], keepdims=True)
            peak: R.Tensor((2, 3), dtype="float32") = R.max(x, axis=[-1], keepdims=False)
            low: R.Tensor((3, 4), dtype="float32") = R.min(x, axis=[0], keepdims=False)
            R.output(total, row, avg, peak, low)
        return (total, row, avg, peak, low)