# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def block(x: R.Tensor((2, 10, 64), dtype="float32"), gamma: R.Tensor((64,), dtype="float32"), beta: R.Tensor((64,), dtype="float32"), w: R.Tensor((64, 64), dtype="float32")) -> R.Tensor((2, 10, 64), dtype="float32"):
        with R.dataflow():
            ln: R.Tensor((2, 10, 64), dtype="float32") = R.nn.layer_norm(x, gamma, beta, axes=[-1], epsilon=1.0000000000000001e-05, center=True, scale=True)
            lv1: R.Tensor((2, 10, 64), dtype="float32") = R.matmul(ln, w, out_dtype=None)
            h: R.Tensor((2, 10, 64), dtype="float32") = R.nn.gelu(lv1)
            y: R.Tensor((2, 10, 64), dtype="float32") = R.add(x, h)
            R.output(y)
        return y