from tvm.script import ir as I, relax as R, tirx as T

D = 64
FF = 128


@I.ir_module
class Module:
    @R.function
    def decoder_layer(
        x: R.Tensor(("seq", D), "float32"),
        norm1: R.Tensor((D,), "float32"),
        norm2: R.Tensor((D,), "float32"),
        wqkv: R.Tensor((D, 3 * D), "float32"),
        wo: R.Tensor((D, D), "float32"),
        w_gate: R.Tensor((D, FF), "float32"),
        w_up: R.Tensor((D, FF), "float32"),
        w_down: R.Tensor((FF, D), "float32"),
    ) -> R.Tensor(("seq", D), "float32"):
        seq = T.int64()
        R.func_attr({"num_input": 1})
        with R.dataflow():
            h = R.nn.rms_norm(x, norm1, axes=-1)
            qkv = R.matmul(h, wqkv)
            qkv_parts = R.split(qkv, 3, axis=-1)
            q = R.reshape(qkv_parts[0], (1, seq, 4, 16))
            k = R.reshape(qkv_parts[1], (1, seq, 4, 16))
            v = R.reshape(qkv_parts[2], (1, seq, 4, 16))
            attn = R.nn.attention(q, k, v, causal_mask="BottomRight")
            attn = R.reshape(attn, (seq, D))
            x1 = R.add(x, R.matmul(attn, wo))
            h2 = R.nn.rms_norm(x1, norm2, axes=-1)
            gate = R.nn.silu(R.matmul(h2, w_gate))
            up = R.matmul(h2, w_up)
            ff = R.matmul(R.multiply(gate, up), w_down)
            out = R.add(x1, ff)
            R.output(out)
        return out
