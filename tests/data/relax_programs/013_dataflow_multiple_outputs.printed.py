# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 8), dtype="float32")) -> R.Tuple(R.Tensor((4, 8), dtype="float32"), R.Tensor((4, 8), dtype="float32")):
        with R.dataflow():
            e: R.Tensor((4, 8), dtype="float32") = R.exp(x)
            s: R.Tensor((4, 1), dtype="float32") = R.sum(e, axis=[1], keepdims=True)
            p: R.Tensor((4, 8), dtype="float32") = R.divide(e, s)
            lp: R.Tensor((4, 8), dtype="float32") = R.log(p)
            R.output(p, lp)
        out: R.Tuple(R.Tensor((4, 8), dtype="float32"), R.Tensor((4, 8), dtype="float32")) = p, lp
        return out