# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

m = TypeVar("m")
n = TypeVar("n")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(("n * m",), dtype="float32"), target: R.Shape([n, m])) -> R.Tuple(R.Tensor((n, m), dtype="float32"), R.Shape([n, m])):
        y: R.Tensor((n, m), dtype="float32") = R.reshape(x, target)
        s: R.Shape([n, m]) = R.shape_of(y)
        return (y, s)