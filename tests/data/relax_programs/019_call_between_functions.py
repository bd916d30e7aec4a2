from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def dense(
        x: R.Tensor((2, 16), "float32"), w: R.Tensor((16, 16), "float32")
    ) -> R.Tensor((2, 16), "float32"):
        y = R.nn.relu(R.matmul(x, w))
        return y

    @R.function
    def main(
        x: R.Tensor((2, 16), "float32"),
        w1: R.Tensor((16, 16), "float32"),
        w2: R.Tensor((16, 16), "float32"),
    ) -> R.Tensor((2, 16), "float32"):
        cls = Module
        h = cls.dense(x, w1)
        out = cls.dense(h, w2)
        return out
