# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((10, 20), dtype="float32"), ids: R.Tensor((4,), dtype="int32")) -> R.Tuple(R.Tensor((4, 5), dtype="float32"), R.Tensor((4, 20), dtype="float32")):
        with R.dataflow():
            s: R.Tensor((4, 5), dtype="float32") = R.strided_slice(x, (0, 1), (1, 0), (9, 20), (2, 4), assume_inbound=False)
            rows: R.Tensor((4, 20), dtype="float32") = R.take(x, ids, axis=0, mode="fast")
            R.output(s, rows)
        return (s, rows)