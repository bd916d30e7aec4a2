# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def main(logits: R.Tensor((16, 1000), dtype="float32")) -> R.Tuple(R.Tensor((16, 1000), dtype="float32"), R.Tensor((16, 1000), dtype="float32"), R.Tensor((16,), dtype="int64")):
        with R.dataflow():
            probs: R.Tensor((16, 1000), dtype="float32") = R.nn.softmax(logits, axis=1)
            logp: R.Tensor((16, 1000), dtype="float32") = R.nn.log_softmax(logits, axis=-1)
            best: R.Tensor((16,), dtype="int64") = R.argmax(probs, axis=1, keepdims=False)
            R.output(probs, logp, best)
        return (probs, logp, best)