# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function(private=True)
    def square(x: R.Tensor((5,), dtype="float32")) -> R.Tensor((5,), dtype="float32"):
        gv: R.Tensor((5,), dtype="float32") = R.multiply(x, x)
        return gv

    @R.function
    def main(x: R.Tensor((5,), dtype="float32")) -> R.Tensor((5,), dtype="float32"):
        cls = Module
        y: R.Tensor((5,), dtype="float32") = cls.square(x)
        z: R.Tensor((5,), dtype="float32") = R.sqrt(y)
        return z