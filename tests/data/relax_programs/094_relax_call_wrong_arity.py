from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def dense(x: R.Tensor((2, 4), "float32"), w: R.Tensor((4, 4), "float32")):
        return R.matmul(x, w)

    @R.function
    def main(x: R.Tensor((2, 4), "float32"), w: R.Tensor((4, 4), "float32")):
        cls = Module
        y = cls.dense(x)
        return y
