from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 2), "float32"), use_relu: R.Prim("bool")):
        if use_relu:
            out = R.nn.relu(x)
        else:
            t = R.sigmoid(x)
            out = R.multiply(x, t)
        return out
