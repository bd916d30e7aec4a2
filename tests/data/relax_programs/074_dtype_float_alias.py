from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4,), "float"), y: R.Tensor((4,), "int")):
        z = R.add(x, R.astype(y, "float32"))
        return z
