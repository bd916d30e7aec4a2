# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(a: R.Tensor((2, 3, 4), dtype="float32"), b: R.Tensor((2, 4, 5), dtype="float32")) -> R.Tensor((2, 3, 5), dtype="float32"):
        with R.dataflow():
            c: R.Tensor((2, 3, 5), dtype="float32") = R.einsum((a, b), subscripts="bij,bjk->bik")
            R.output(c)
        return c