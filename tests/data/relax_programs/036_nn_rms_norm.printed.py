# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

seq = TypeVar("seq")
@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((seq, 256), dtype="float16"), weight: R.Tensor((256,), dtype="float16")) -> R.Tensor((seq, 256), dtype="float16"):
        with R.dataflow():
            y: R.Tensor((seq, 256), dtype="float16") = R.nn.rms_norm(x, weight, axes=[-1], epsilon=9.9999999999999995e-07)
            R.output(y)
        return y