from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4,), "float32")):
        n = T.int64()
        y = R.match_cast(x, R.Tensor((n,), "int32"))
        return y
