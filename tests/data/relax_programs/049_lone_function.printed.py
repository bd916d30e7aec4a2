# from tvm.script import relax as R

@R.function
def main(x: R.Tensor((3, 3), dtype="float32"), y: R.Tensor((3, 3), dtype="float32")) -> R.Tensor((3, 3), dtype="float32"):
    with R.dataflow():
        z: R.Tensor((3, 3), dtype="float32") = R.add(x, y)
        z_1: R.Tensor((3, 3), dtype="float32") = R.tanh(z)
        R.output(z_1)
    return z_1