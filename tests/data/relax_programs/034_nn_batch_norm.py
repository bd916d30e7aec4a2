from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((4, 8, 5, 5), "float32"),
        gamma: R.Tensor((8,), "float32"),
        beta: R.Tensor((8,), "float32"),
        mean: R.Tensor((8,), "float32"),
        var: R.Tensor((8,), "float32"),
    ) -> R.Tensor((4, 8, 5, 5), "float32"):
        with R.dataflow():
            bn = R.nn.batch_norm(x, gamma, beta, mean, var, axis=1, epsilon=1e-3, training=False)
            y = bn[0]
            z = R.nn.relu(y)
            R.output(z)
        return z
