from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(ndim=2, dtype="float32"), obj: R.Object):
        n = T.int64()
        m = T.int64()
        with R.dataflow():
            a = R.match_cast(x, R.Tensor((n, m), "float32"))
            b = R.match_cast(obj, R.Tensor((m,), "float32"))
            c = R.add(a, b)
            R.output(c)
        return c
