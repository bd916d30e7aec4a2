from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def apply_twice(
        f: R.Callable([R.Tensor((4,), "float32")], R.Tensor((4,), "float32")),
        x: R.Tensor((4,), "float32"),
    ) -> R.Tensor((4,), "float32"):
        y = f(x)
        z = f(y)
        return z

    @R.function
    def double(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
        return R.add(x, x)

    @R.function
    def main(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
        cls = Module
        return cls.apply_twice(cls.double, x)
