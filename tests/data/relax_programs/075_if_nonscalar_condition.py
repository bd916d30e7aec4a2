from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(mask: R.Tensor((4,), "bool"), x: R.Tensor((4,), "float32")):
        if mask:
            y = x
        else:
            y = R.negative(x)
        return y
