# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 2), dtype="float32"), use_relu: T.bool) -> R.Tensor((2, 2), dtype="float32"):
        if use_relu:
            out_then: R.Tensor((2, 2), dtype="float32") = R.nn.relu(x)
            out: R.Tensor((2, 2), dtype="float32") = out_then
        else:
            t: R.Tensor((2, 2), dtype="float32") = R.sigmoid(x)
            out_else: R.Tensor((2, 2), dtype="float32") = R.multiply(x, t)
            out: R.Tensor((2, 2), dtype="float32") = out_else
        return out