from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(scores: R.Tensor((4, 100), "float32")):
        with R.dataflow():
            ordered = R.sort(scores, axis=-1, descending=True)
            top = R.topk(scores, k=5, axis=-1, ret_type="both", dtype="int64")
            values = top[0]
            indices = top[1]
            order = R.argsort(scores, axis=1)
            R.output(ordered, values, indices, order)
        return (ordered, values, indices, order)
