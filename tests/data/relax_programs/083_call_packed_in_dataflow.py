from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function(pure=False)
    def main(x: R.Tensor((4,), "float32")):
        with R.dataflow():
            a = R.call_packed("my_ext.log", x, ty_args=R.Tensor((4,), "float32"))
            b = R.add(a, x)
            R.output(b)
        return b
