from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((1, 784), "float32"),
        w1: R.Tensor((256, 784), "float32"),
        b1: R.Tensor((256,), "float32"),
        w2: R.Tensor((10, 256), "float32"),
        b2: R.Tensor((10,), "float32"),
    ) -> R.Tensor((1, 10), "float32"):
        with R.dataflow():
            h = R.matmul(x, R.permute_dims(w1))
            h = R.add(h, b1)
            h = R.nn.relu(h)
            out = R.matmul(h, R.permute_dims(w2))
            out = R.add(out, b2)
            R.output(out)
        return out
