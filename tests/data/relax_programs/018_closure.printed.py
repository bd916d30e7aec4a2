# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((8,), dtype="float32"), scale: R.Tensor((8,), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
        # from tvm.script import relax as R
        
        @R.function
        def scaled(v: R.Tensor((8,), dtype="float32")) -> R.Tensor((8,), dtype="float32"):
            r: R.Tensor((8,), dtype="float32") = R.multiply(v, scale)
            return r

        y: R.Tensor((8,), dtype="float32") = scaled(x)
        z: R.Tensor((8,), dtype="float32") = scaled(y)
        return z