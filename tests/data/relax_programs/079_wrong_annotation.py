from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((3, 4), "float32"), w: R.Tensor((4, 5), "float32")):
        with R.dataflow():
            y: R.Tensor((3, 4), "float32") = R.matmul(x, w)
            R.output(y)
        return y
