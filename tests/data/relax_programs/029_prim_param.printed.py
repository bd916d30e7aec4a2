# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((10,), dtype="float32"), indices: R.Tensor((3,), dtype="int64"), alpha: T.float32, offset: T.int64) -> R.Tensor((3,), dtype="float32"):
        y: R.Tensor((10,), dtype="float32") = R.multiply(x, alpha)
        z: R.Tensor((3,), dtype="float32") = R.take(y, indices, axis=0, mode="fast")
        return z