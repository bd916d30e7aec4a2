from tvm.script import ir as I, relax as R, tirx as T


@I.ir_module
class Module:
    @R.function
    def main(logits: R.Tensor((16, 1000), "float32")):
        with R.dataflow():
            probs = R.nn.softmax(logits, axis=1)
            logp = R.nn.log_softmax(logits)
            best = R.argmax(probs, axis=1)
            R.output(probs, logp, best)
        return (probs, logp, best)
