import numpy as np

from tvm.script import ir as I, relax as R, tirx as T

BIAS = np.arange(8, dtype="float32")


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 8), "float32")) -> R.Tensor((2, 8), "float32"):
        with R.dataflow():
            y = R.add(x, R.const(BIAS))
            z = R.multiply(y, R.const(np.full((2, 8), 0.5, dtype="float32")))
            R.output(z)
        return z
