# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 4), dtype="float32"), w: R.Tensor((4, 4), dtype="float32")) -> R.Tensor((2, 4), dtype="float32"):
        y: R.Tensor((2, 4), dtype="float32") = R.matmul(x, w, out_dtype=None)
        y_1: R.Tensor((2, 4), dtype="float32") = R.nn.relu(y)
        return y_1