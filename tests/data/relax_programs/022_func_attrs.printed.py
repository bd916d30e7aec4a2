# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((1, 32), dtype="float32"), w: R.Tensor((32, 32), dtype="float32")) -> R.Tensor((1, 32), dtype="float32"):
        R.func_attr({"num_input": 1, "opt_level": 3, "relax.force_pure": True})
        y: R.Tensor((1, 32), dtype="float32") = R.matmul(x, w, out_dtype=None)
        return y