from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 8), "float32")):
        with R.dataflow():
            e = R.exp(x)
            s = R.sum(e, axis=1, keepdims=True)
            p = R.divide(e, s)
            lp = R.log(p)
            R.output(p, lp)
        out = (p, lp)
        return out
