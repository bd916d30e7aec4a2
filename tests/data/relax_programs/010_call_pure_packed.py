from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((3, 5), "float32")) -> R.Tensor((3, 5), "float32"):
        with R.dataflow():
            y = R.call_pure_packed("vm.builtin.copy", x, ty_args=R.Tensor((3, 5), "float32"))
            z = R.exp(y)
            R.output(z)
        return z
