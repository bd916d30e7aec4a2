# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(scores: R.Tensor((4, 100), dtype="float32")) -> R.Tuple(R.Tensor((4, 100), dtype="float32"), R.Tensor((4, 5), dtype="float32"), R.Tensor((4, 5), dtype="int64"), R.Tensor((4, 100), dtype="int32")):
        with R.dataflow():
            ordered: R.Tensor((4, 100), dtype="float32") = R.sort(scores, axis=-1, descending=True)
            top: R.Tuple(R.Tensor((4, 5), dtype="float32"), R.Tensor((4, 5), dtype="int64")) = R.topk(scores, k=5, axis=-1, ret_type="both", largest=True, dtype="int64")
            values: R.Tensor((4, 5), dtype="float32") = top[0]
            indices: R.Tensor((4, 5), dtype="int64") = top[1]
            order: R.Tensor((4, 100), dtype="int32") = R.argsort(scores, axis=1, descending=False, dtype="int32")
            R.output(ordered, values, indices, order)
        return (ordered, values, indices, order)