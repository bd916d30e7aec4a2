# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(dtype="float32", ndim=2), s: R.Shape(ndim=2)) -> R.Tensor(dtype="float32", ndim=1):
        n = T.int64()
        m = T.int64()
        with R.dataflow():
            lv: R.Tensor((n, m), dtype="float32") = R.match_cast(x, R.Tensor((n, m), dtype="float32"))
            lv1: R.Shape([n, m]) = R.match_cast(s, R.Shape([n, m]))
            lv2: R.Tensor((n * m,), dtype="float32") = R.reshape(lv, R.shape([n * m]))
            gv: R.Tensor((n * m,), dtype="float32") = R.nn.relu(lv2)
            R.output(gv)
        return gv