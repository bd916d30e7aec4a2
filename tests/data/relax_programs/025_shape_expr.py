from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(("n", 6), "float32")) -> R.Tensor(("n", 2, 3), "float32"):
        n = T.int64()
        new_shape = R.shape([n, 2, 3])
        y = R.reshape(x, new_shape)
        return y
