from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(a: R.Tensor((2, 3), "float32"), b: R.Tensor((2, 5), "float32")) -> R.Tensor((2, 8), "float32"):
        with R.dataflow():
            cat = R.concat((a, b), axis=1)
            pieces = R.split(cat, indices_or_sections=[2, 5], axis=1)
            p0 = pieces[0]
            p1 = pieces[1]
            p2 = pieces[2]
            back = R.concat([p2, p0, p1], axis=-1)
            R.output(back)
        return back
