import tvm
from tvm.script import relax as R


@tvm.script.ir_module
class MyModule:
    @R.function
    def main(x: R.Tensor((2, 4), "float32"), w: R.Tensor((4, 4), "float32")):
        y = R.matmul(x, w)
        y = R.nn.relu(y)
        return y
