# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((4, 8, 5, 5), dtype="float32"), gamma: R.Tensor((8,), dtype="float32"), beta: R.Tensor((8,), dtype="float32"), mean: R.Tensor((8,), dtype="float32"), var: R.Tensor((8,), dtype="float32")) -> R.Tensor((4, 8, 5, 5), dtype="float32"):
        with R.dataflow():
            bn: R.Tuple(R.Tensor((4, 8, 5, 5), dtype="float32"), R.Tensor((8,), dtype="float32"), R.Tensor((8,), dtype="float32")) = R.nn.batch_norm(x, gamma, beta, mean, var, axis=1, epsilon=0.001, center=True, scale=True, momentum=0.10000000000000001, training=False)
            y: R.Tensor((4, 8, 5, 5), dtype="float32") = bn[0]
            z: R.Tensor((4, 8, 5, 5), dtype="float32") = R.nn.relu(y)
            R.output(z)
        return z