# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(transpose: R.Tensor((), dtype="bool"), x: R.Tensor((2, 3), dtype="float32")) -> R.Tensor(dtype="float32", ndim=2):
        if transpose:
            y_then: R.Tensor((3, 2), dtype="float32") = R.permute_dims(x, axes=None)
            y: R.Tensor(dtype="float32", ndim=2) = y_then
        else:
            y: R.Tensor(dtype="float32", ndim=2) = x
        return y