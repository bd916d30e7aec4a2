from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 3, 4), "float32")):
        with R.dataflow():
            total = R.sum(x)
            row = R.sum(x, axis=2)
            avg = R.mean(x, axis=[1, 2], keepdims=True)
            peak = R.max(x, axis=-1, keepdims=False)
            low = R.min(x, axis=0)
            R.output(total, row, avg, peak, low)
        return (total, row, avg, peak, low)
