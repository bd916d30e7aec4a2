# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 16), dtype="float32"), scale: R.Tensor((16,), dtype="float32"), zp: R.Tensor((16,), dtype="int8")) -> R.Tensor((4, 16), dtype="float32"):
        with R.dataflow():
            q: R.Tensor((4, 16), dtype="int8") = R.quantize(x, scale, zp, out_dtype="int8", axis=1)
            dq: R.Tensor((4, 16), dtype="float32") = R.dequantize(q, scale, zp, out_dtype="float32", axis=1)
            R.output(dq)
        return dq