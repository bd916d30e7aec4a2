from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((2, 32, 8, 8), "float32"),
        gamma: R.Tensor((32,), "float32"),
        beta: R.Tensor((32,), "float32"),
    ):
        with R.dataflow():
            gn = R.nn.group_norm(x, gamma, beta, num_groups=8, channel_axis=1, axes=[2, 3])
            y = R.nn.silu(gn)
            R.output(y)
        return y
