from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((4, 16), "float32"),
        scale: R.Tensor((16,), "float32"),
        zp: R.Tensor((16,), "int8"),
    ) -> R.Tensor((4, 16), "float32"):
        with R.dataflow():
            q = R.quantize(x, scale, zp, axis=1, out_dtype="int8")
            dq = R.dequantize(q, scale, zp, axis=1, out_dtype="float32")
            R.output(dq)
        return dq
