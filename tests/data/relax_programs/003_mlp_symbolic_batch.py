from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor(("batch", 64), "float32"),
        w: R.Tensor((64, 32), "float32"),
        b: R.Tensor((32,), "float32"),
    ) -> R.Tensor(("batch", 32), "float32"):
        batch = T.int64()
        with R.dataflow():
            lv0 = R.matmul(x, w)
            lv1: R.Tensor((batch, 32), "float32") = R.add(lv0, b)
            gv = R.nn.silu(lv1)
            R.output(gv)
        return gv
