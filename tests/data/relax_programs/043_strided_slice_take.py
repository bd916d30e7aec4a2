from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(x: R.Tensor((10, 20), "float32"), ids: R.Tensor((4,), "int32")):
        with R.dataflow():
            s = R.strided_slice(x, axes=[0, 1], begin=[1, 0], end=[9, 20], strides=[2, 4])
            rows = R.take(x, ids, axis=0)
            R.output(s, rows)
        return (s, rows)
