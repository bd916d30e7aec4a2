# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(q: R.Tensor((1, 32, 8, 64), dtype="float16"), k: R.Tensor((1, 32, 8, 64), dtype="float16"), v: R.Tensor((1, 32, 8, 64), dtype="float16")) -> R.Tensor((1, 32, 8, 64), dtype="float16"):
        with R.dataflow():
            o: R.Tensor((1, 32, 8, 64), dtype="float16") = R.nn.attention(q, k, v, scale=None, causal_mask="TopLeft", window_size=None)
            R.output(o)
        return o