# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(pair: R.Tuple(R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="float32")), z: R.Tensor((4,), dtype="float32")) -> R.Tuple(R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="float32")):
        a: R.Tensor((4,), dtype="float32") = pair[0]
        b: R.Tensor((4,), dtype="float32") = pair[1]
        s: R.Tensor((4,), dtype="float32") = R.add(a, b)
        d: R.Tensor((4,), dtype="float32") = R.subtract(a, b)
        nested: R.Tuple(R.Tensor((4,), dtype="float32"), R.Tuple(R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="float32"))) = s, (d, z)
        inner: R.Tuple(R.Tensor((4,), dtype="float32"), R.Tensor((4,), dtype="float32")) = nested[1]
        gv6: R.Tensor((4,), dtype="float32") = inner[0]
        gv7: R.Tensor((4,), dtype="float32") = inner[1]
        return (gv6, gv7, s)