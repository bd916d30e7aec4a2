# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((1, 4, 6, 6), dtype="float32")) -> R.Tensor((1, 4, 8, 10), dtype="float32"):
        with R.dataflow():
            d: R.Tuple(R.Tensor((1, 4, 6, 6), dtype="float32"), R.Tensor((1, 4, 6, 6), dtype="float32")) = R.nn.dropout(x, rate=0.10000000000000001)
            kept: R.Tensor((1, 4, 6, 6), dtype="float32") = d[0]
            padded: R.Tensor((1, 4, 8, 10), dtype="float32") = R.nn.pad(kept, pad_width=[0, 0, 0, 0, 1, 1, 2, 2], pad_value=0.0, pad_mode="constant")
            R.output(padded)
        return padded