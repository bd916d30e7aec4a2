# from tvm.script import ir as I
# from tvm.script import relax as R

@I.ir_module
class Module:
    @R.function
    def self_attention(x: R.Tensor((1, 16, 128), dtype="float32"), wq: R.Tensor((128, 128), dtype="float32"), wk: R.Tensor((128, 128), dtype="float32"), wv: R.Tensor((128, 128), dtype="float32"), wo: R.Tensor((128, 128), dtype="float32")) -> R.Tensor((1, 16, 128), dtype="float32"):
        with R.dataflow():
            q: R.Tensor((1, 16, 128), dtype="float32") = R.matmul(x, wq, out_dtype=None)
            k: R.Tensor((1, 16, 128), dtype="float32") = R.matmul(x, wk, out_dtype=None)
            v: R.Tensor((1, 16, 128), dtype="float32") = R.matmul(x, wv, out_dtype=None)
            lv3: R.Tensor((1, 16, 4, 32), dtype="float32") = R.reshape(q, R.shape([1, 16, 4, 32]))
            q_1: R.Tensor((1, 4, 16, 32), dtype="float32") = R.permute_dims(lv3, axes=[0, 2, 1, 3])
            lv5: R.Tensor((1, 16, 4, 32), dtype="float32") = R.reshape(k, R.shape([1, 16, 4, 32]))
            k_1: R.Tensor((1, 4, 16, 32), dtype="float32") = R.permute_dims(lv5, axes=[0, 2, 1, 3])
            lv7: R.Tensor((1, 16, 4, 32), dtype="float32") = R.reshape(v, R.shape([1, 16, 4, 32]))
            v_1: R.Tensor((1, 4, 16, 32), dtype="float32") = R.permute_dims(lv7, axes=[0, 2, 1, 3])
            lv9: R.Tensor((1, 4, 32, 16), dtype="float32") = R.permute_dims(k_1, axes=[0, 1, 3, 2])
            scores: R.Tensor((1, 4, 16, 16), dtype="float32") = R.matmul(q_1, lv9, out_dtype=None)
            scores_1: R.Tensor((1, 4, 16, 16), dtype="float32") = R.divide(scores, R.const(5.6568541526794434, "float32"))
            probs: R.Tensor((1, 4, 16, 16), dtype="float32") = R.nn.softmax(scores_1, axis=-1)
            ctx: R.Tensor((1, 4, 16, 32), dtype="float32") = R.matmul(probs, v_1, out_dtype=None)
            lv14: R.Tensor((1, 16, 4, 32), dtype="float32") = R.permute_dims(ctx, axes=[0, 2, 1, 3])
            ctx_1: R.Tensor((1, 16, 128), dtype="float32") = R.reshape(lv14, R.shape([1, 16, 128]))
            out: R.Tensor((1, 16, 128), dtype="float32") = R.matmul(ctx_1, wo, out_dtype=None)
            R.output(out)
        return out