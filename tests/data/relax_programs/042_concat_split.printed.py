# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(a: R.Tensor((2, 3), dtype="float32"), b: R.Tensor((2, 5), dtype="float32")) -> R.Tensor((2, 8), dtype="float32"):
        with R.dataflow():
            cat: R.Tensor((2, 8), dtype="float32") = R.concat((a, b), axis=1)
            pieces: R.Tuple(R.Tensor((2, 2), dtype="float32"), R.Tensor((2, 3), dtype="float32"), R.Tensor((2, 3), dtype="float32")) = R.split(cat, indices_or_sections=[2, 5], axis=1)
            p0: R.Tensor((2, 2), dtype="float32") = pieces[0]
            p1: R.Tensor((2, 3), dtype="float32") = pieces[1]
            p2: R.Tensor((2, 3), dtype="float32") = pieces[2]
            back: R.Tensor((2, 8), dtype="float32") = R.concat((p2, p0, p1), axis=-1)
            R.output(back)
        return back