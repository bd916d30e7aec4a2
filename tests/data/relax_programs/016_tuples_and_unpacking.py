from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(
        pair: R.Tuple(R.Tensor((4,), "float32"), R.Tensor((4,), "float32")),
        z: R.Tensor((4,), "float32"),
    ):
        a = pair[0]
        b = pair[1]
        s, d = R.add(a, b), R.subtract(a, b)
        nested = (s, (d, z))
        inner = nested[1]
        return (inner[0], inner[1], s)
