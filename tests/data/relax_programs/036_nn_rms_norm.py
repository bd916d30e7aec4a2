from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor(("seq", 256), "float16"), weight: R.Tensor((256,), "float16")
    ) -> R.Tensor(("seq", 256), "float16"):
        with R.dataflow():
            y = R.nn.rms_norm(x, weight, axes=[-1], epsilon=1e-6)
            R.output(y)
        return y
