from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def block(
        x: R.Tensor((2, 10, 64), "float32"),
        gamma: R.Tensor((64,), "float32"),
        beta: R.Tensor((64,), "float32"),
        w: R.Tensor((64, 64), "float32"),
    ):
        with R.dataflow():
            ln = R.nn.layer_norm(x, gamma, beta, axes=[-1], epsilon=1e-5)
            h = R.nn.gelu(R.matmul(ln, w))
            y = R.add(x, h)
            R.output(y)
        return y
