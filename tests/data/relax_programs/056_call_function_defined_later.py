from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 4), "float32")) -> R.Tensor((4, 4), "float32"):
        cls = Module
        y = cls.step(x)
        z = cls.step(y)
        return z

    @R.function
    def step(x: R.Tensor((4, 4), "float32")) -> R.Tensor((4, 4), "float32"):
        y = R.matmul(x, x)
        return R.nn.softmax(y)

    @T.prim_func(private=True)
    def unused_kernel(A: T.Buffer((4,), "int32")):
        for i in range(4):
            A[i] = i
