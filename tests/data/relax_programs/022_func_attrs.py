from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((1, 32), "float32"), w: R.Tensor((32, 32), "float32")
    ) -> R.Tensor((1, 32), "float32"):
        R.func_attr({"num_input": 1, "relax.force_pure": True, "opt_level": 3})
        y = R.matmul(x, w)
        return y
