# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 32, 8, 8), dtype="float32"), gamma: R.Tensor((32,), dtype="float32"), beta: R.Tensor((32,), dtype="float32")) -> R.Tensor((2, 32, 8, 8), dtype="float32"):
        with R.dataflow():
            gn: R.Tensor((2, 32, 8, 8), dtype="float32") = R.nn.group_norm(x, gamma, beta, num_groups=8, channel_axis=1, axes=[2, 3], epsilon=1.0000000000000001e-05, center=True, scale=True)
            y: R.Tensor((2, 32, 8, 8), dtype="float32") = R.nn.silu(gn)
            R.output(y)
        return y