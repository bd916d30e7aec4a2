from tvm.script import ir as I, relax as R, tirx as T

B, S, H, D = 1, 16, 4, 32
E = H * D


@I.ir_module
class Module:
    @R.function
    def self_attention(
        x: R.Tensor((B, S, E), "float32"),
        wq: R.Tensor((E, E), "float32"),
        wk: R.Tensor((E, E), "float32"),
        wv: R.Tensor((E, E), "float32"),
        wo: R.Tensor((E, E), "float32"),
    ) -> R.Tensor((B, S, E), "float32"):
        with R.dataflow():
            q = R.matmul(x, wq)
            k = R.matmul(x, wk)
            v = R.matmul(x, wv)
            # (B, S, E) -> (B, H, S, D)
            q = R.permute_dims(R.reshape(q, (B, S, H, D)), axes=[0, 2, 1, 3])
            k = R.permute_dims(R.reshape(k, (B, S, H, D)), axes=[0, 2, 1, 3])
            v = R.permute_dims(R.reshape(v, (B, S, H, D)), axes=[0, 2, 1, 3])
            scores = R.matmul(q, R.permute_dims(k, axes=[0, 1, 3, 2]))
            scores = R.divide(scores, R.const(5.656854, "float32"))
            probs = R.nn.softmax(scores, axis=-1)
            ctx = R.matmul(probs, v)
            ctx = R.reshape(R.permute_dims(ctx, axes=[0, 2, 1, 3]), (B, S, E))
            out = R.matmul(ctx, wo)
            R.output(out)
        return out
