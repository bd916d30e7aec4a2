from tvm.script import relax as R


@R.function
def main(x: R.Tensor((4,), "float32")) -> R.Tensor((4,), "float32"):
    R.print(x, format="x = {}")
    y = R.add(x, x)
    return y
