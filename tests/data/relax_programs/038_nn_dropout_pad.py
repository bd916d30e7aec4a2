from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((1, 4, 6, 6), "float32")):
        with R.dataflow():
            d = R.nn.dropout(x, rate=0.1)
            kept = d[0]
            padded = R.nn.pad(kept, pad_width=[0, 0, 0, 0, 1, 1, 2, 2], pad_value=0.0)
            R.output(padded)
        return padded
