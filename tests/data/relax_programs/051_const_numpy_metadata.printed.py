# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((2, 8), dtype="float32")) -> R.Tensor((2, 8), dtype="float32"):
        with R.dataflow():
            y: R.Tensor((2, 8), dtype="float32") = R.add(x, metadata["ir.GenericConst"][0])
            z: R.Tensor((2, 8), dtype="float32") = R.multiply(y, metadata["ir.GenericConst"][1])
            R.output(z)
        return z

# Metadata omitted. Use show_meta=True in script() method to show it.