from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 16), "float32"), w: R.Tensor((32, 16), "float32")):
        with R.dataflow():
            # forgot to transpose the (out, in) weight
            y = R.matmul(x, w)
            R.output(y)
        return y
