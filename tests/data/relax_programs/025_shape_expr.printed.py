# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

n = TypeVar("n")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((n, 6), dtype="float32")) -> R.Tensor((n, 2, 3), dtype="float32"):
        new_shape: R.Shape([n, 2, 3]) = R.shape([n, 2, 3])
        y: R.Tensor((n, 2, 3), dtype="float32") = R.reshape(x, new_shape)
        return y