from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(transpose: R.Tensor((), "bool"), x: R.Tensor((2, 3), "float32")):
        if transpose:
            y = R.permute_dims(x)
        else:
            y = x
        return y
