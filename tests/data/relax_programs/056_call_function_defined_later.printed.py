# from tvm.script import ir as I
# from tvm.script import tirx as T
# from tvm.tirx.layout import Axis
# from tvm.script import relax as R

@I.ir_module
class Module:
    @T.prim_func(private=True)
    def unused_kernel(A: T.Buffer((4,), "int32")):
        for i in range(4):
            A[i] = i

    @R.function
    def step(x: R.Tensor((4, 4), dtype="float32")) -> R.Tensor((4, 4), dtype="float32"):
        y: R.Tensor((4, 4), dtype="float32") = R.matmul(x, x, out_dtype=None)
        gv1: R.Tensor((4, 4), dtype="float32") = R.nn.softmax(y, axis=-1)
        return gv1

    @R.function
    def main(x: R.Tensor((4, 4), dtype="float32")) -> R.Tensor((4, 4), dtype="float32"):
        cls = Module
        y: R.Tensor((4, 4), dtype="float32") = cls.step(x)
        z: R.Tensor((4, 4), dtype="float32") = cls.step(y)
        return z