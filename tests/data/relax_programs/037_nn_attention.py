from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        q: R.Tensor((1, 32, 8, 64), "float16"),
        k: R.Tensor((1, 32, 8, 64), "float16"),
        v: R.Tensor((1, 32, 8, 64), "float16"),
    ) -> R.Tensor((1, 32, 8, 64), "float16"):
        with R.dataflow():
            o = R.nn.attention(q, k, v, causal_mask="TopLeft")
            R.output(o)
        return o
