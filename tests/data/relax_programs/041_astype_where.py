from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((8,), "float32"), y: R.Tensor((8,), "float32")):
        with R.dataflow():
            mask = R.less(x, y)
            picked = R.where(mask, x, y)
            half = R.astype(picked, "float16")
            as_int = R.astype(mask, dtype="int32")
            R.output(half, as_int)
        return (half, as_int)
