from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        a: R.Tensor((2, 3, 4), "float32"), b: R.Tensor((2, 4, 5), "float32")
    ) -> R.Tensor((2, 3, 5), "float32"):
        with R.dataflow():
            c = R.einsum((a, b), "bij,bjk->bik")
            R.output(c)
        return c
