# from typing import TypeVar
# from tvm.script import ir as I
# from tvm.script import relax as R

seq = TypeVar("seq")
@I.ir_module
class Module:
    @R.function
    def decoder_layer(x: R.Tensor((seq, 64), dtype="float32"), norm1: R.Tensor((64,), dtype="float32"), norm2: R.Tensor((64,), dtype="float32"), wqkv: R.Tensor((64, 192), dtype="float32"), wo: R.Tensor((64, 64), dtype="float32"), w_gate: R.Tensor((64, 128), dtype="float32"), w_up: R.Tensor((64, 128), dtype="float32"), w_down: R.Tensor((128, 64), dtype="float32")) -> R.Tensor((seq, 64), dtype="float32"):
        R.func_attr({"num_input": 1})
        with R.dataflow():
            h: R.Tensor((seq, 64), dtype="float32") = R.nn.rms_norm(x, norm1, axes=[-1], epsilon=1.0000000000000001e-05)
            qkv: R.Tensor((seq, 192), dtype="float32") = R.matmul(h, wqkv, out_dtype=None)
            qkv_parts: R.Tuple(R.Tensor((seq, 64), dtype="float32"), R.Tensor((seq, 64), dtype="float32"), R.Tensor((seq, 64), dtype="float32")) = R.split(qkv, indices_or_sections=3, axis=-1)
            lv3: R.Tensor((seq, 64), dtype="float32") = qkv_parts[0]
            q: R.Tensor((1, seq, 4, 16), dtype="float32") = R.reshape(lv3, R.shape([1, seq, 4, 16]))
            lv5: R.Tensor((seq, 64), dtype="float32") = qkv_parts[1]
            k: R.Tensor((1, seq, 4, 16), dtype="float32") = R.reshape(lv5, R.shape([1, seq, 4, 16]))
            lv7: R.Tensor((seq, 64), dtype="float32") = qkv_parts[2]
            v: R.Tensor((1, seq, 4, 16), dtype="float32") = R.reshape(lv7, R.shape([1, seq, 4, 16]))
            attn: R.Tensor((1, seq, 4, 16), dtype="float32") = R.nn.attention(q, k, v, scale=None, causal_mask="BottomRight", window_size=None)
            attn_1: R.Tensor((seq, 64), dtype="float32") = R.reshape(attn, R.shape([seq, 64]))
            lv11: R.Tensor((seq, 64), dtype="float32") = R.matmul(attn_1, wo, out_dtype=None)
            x1: R.Tensor((seq, 64), dtype="float32") = R.add(x, lv11)
            h2: R.Tensor((seq, 64), dtype="float32") = R.nn.rms_norm(x1, norm2, axes=[-1], epsilon=1.0000000000000001e-05)
            lv14: R.Tensor((seq, 128), dtype="float32") = R.matmul(h2, w_gate, out_dtype=None)
            gate: R.Tensor((seq, 128), dtype="float32") = R.nn.silu(lv14)
            up: R.Tensor((seq, 128), dtype="float32") = R.matmul(h2, w_up, out_dtype=None)
            lv17: R.Tensor((seq, 128), dtype="float32") = R.multiply(gate, up)
            ff: R.Tensor((seq, 64), dtype="float32") = R.matmul(lv17, w_down, out_dtype=None)
            out: R.Tensor((seq, 64), dtype="float32") = R.add(x1, ff)
            R.output(out)
        return out