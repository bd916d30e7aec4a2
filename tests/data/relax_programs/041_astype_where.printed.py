# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((8,), dtype="float32"), y: R.Tensor((8,), dtype="float32")) -> R.Tuple(R.Tensor((8,), dtype="float16"), R.Tensor((8,), dtype="int32")):
        with R.dataflow():
            mask: R.Tensor((8,), dtype="bool") = R.less(x, y)
            picked: R.Tensor((8,), dtype="float32") = R.where(mask, x, y)
            half: R.Tensor((8,), dtype="float16") = R.astype(picked, dtype="float16")
            as_int: R.Tensor((8,), dtype="int32") = R.astype(mask, dtype="int32")
            R.output(half, as_int)
        return (half, as_int)