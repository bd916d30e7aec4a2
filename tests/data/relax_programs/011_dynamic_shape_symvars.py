from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor(("n", "m"), "float32"), y: R.Tensor(("m", 4), "float32")):
        n = T.int64()
        m = T.int64()
        with R.dataflow():
            z: R.Tensor((n, 4), "float32") = R.matmul(x, y)
            flat: R.Tensor((n * 4,), "float32") = R.reshape(z, (n * 4,))
            R.output(flat)
        return flat
