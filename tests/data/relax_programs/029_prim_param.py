from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        x: R.Tensor((10,), "float32"),
        indices: R.Tensor((3,), "int64"),
        alpha: R.Prim("float32"),
        offset: R.Prim("int64"),
    ) -> R.Tensor((3,), "float32"):
        y = R.multiply(x, alpha)
        z = R.take(y, indices, axis=0)
        return z
