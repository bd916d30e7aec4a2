# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(dtype="float32", ndim=2), obj: R.Any) -> R.Tensor(dtype="float32", ndim=2):
        n = T.int64()
        m = T.int64()
        with R.dataflow():
            a: R.Tensor((n, m), dtype="float32") = R.match_cast(x, R.Tensor((n, m), dtype="float32"))
            b: R.Tensor((m,), dtype="float32") = R.match_cast(obj, R.Tensor((m,), dtype="float32"))
            c: R.Tensor((n, m), dtype="float32") = R.add(a, b)
            R.output(c)
        return c