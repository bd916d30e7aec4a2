"""Attention: ``R.nn.attention`` (``[batch, seq, heads, dim]`` operands) and its variants."""

from __future__ import annotations

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import differ, fail, tensor, tensor_info
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo
from tvmscript.core.tir import expr as E


def _infer_attention(call: Call) -> StructInfo:
    q, k, v = (tensor_info(call, i, name) for i, name in enumerate(("query", "key", "value")))
    for info in (q, k, v):
        if info.ndim != 4 and not info.is_unknown_ndim:
            raise fail(
                f"R.nn.attention expects [batch, seq, heads, dim] tensors, got {sinfo_text(info)}",
                "rank-mismatch",
            )
    qd, kd, vd = q.shape_values, k.shape_values, v.shape_values
    if qd is None or kd is None or vd is None:
        return tensor(None, q.dtype, 4, q.vdevice)
    pairs = ((qd[0], kd[0]), (kd[0], vd[0]), (qd[2], kd[2]), (kd[2], vd[2]), (qd[3], kd[3]))
    if any(differ(a, b) for a, b in pairs) or differ(kd[1], vd[1]):
        raise fail(
            f"R.nn.attention: incompatible query, key and value {sinfo_text(q)}, "
            f"{sinfo_text(k)} and {sinfo_text(v)}",
            "shape-mismatch",
        )
    return tensor([qd[0], qd[1], qd[2], vd[3]], q.dtype, 4, q.vdevice)


register_op("nn.attention")(_infer_attention)
register_op("nn.attention_bias")(_infer_attention)


def _attention_attrs(
    scale: float | None, causal_mask: str | None, window_size: int | None
) -> dict[str, object]:
    return {
        "scale": None if scale is None else E.FloatImm("float32", float(scale)),
        "causal_mask": causal_mask,
        "window_size": None if window_size is None else E.IntImm("int64", int(window_size)),
    }


def attention(
    query: Expr,
    key: Expr,
    value: Expr,
    bias: Expr | None = None,
    scale: float | None = None,
    causal_mask: str | None = None,
    window_size: int | None = None,
) -> Call:
    """Scaled dot-product attention (``softmax(q k^T * scale + bias) v``)."""
    attrs = _attention_attrs(scale, causal_mask, window_size)
    if bias is None:
        return make_call("nn.attention", [query, key, value], attrs)
    return make_call("nn.attention_bias", [query, key, value, bias], attrs)


def attention_bias(
    query: Expr,
    key: Expr,
    value: Expr,
    bias: Expr | None = None,
    scale: float | None = None,
    causal_mask: str | None = None,
    window_size: int | None = None,
) -> Call:
    """`attention` with an additive bias."""
    return attention(query, key, value, bias, scale, causal_mask, window_size)


@register_op("nn.attention_var_len")
def _infer_attention_var_len(call: Call) -> StructInfo:
    q, v = tensor_info(call, 0, "queries"), tensor_info(call, 2, "values")
    qd, vd = q.shape_values, v.shape_values
    if qd is None or vd is None:
        return tensor(None, q.dtype, 3, q.vdevice)
    return tensor([qd[0], qd[1], vd[-1]], q.dtype, 3, q.vdevice)


def attention_var_len(
    queries: Expr,
    keys: Expr,
    values: Expr,
    seqstart_q: Expr,
    max_seqlen_q: Expr,
    seqstart_k: Expr | None = None,
    max_seqlen_k: Expr | None = None,
    scale: float | None = None,
    causal_mask: str | None = None,
    window_size: int | None = None,
) -> Call:
    """Attention over a batch of variable-length sequences packed together."""
    args = [
        queries,
        keys,
        values,
        seqstart_q,
        seqstart_q if seqstart_k is None else seqstart_k,
        max_seqlen_q,
        max_seqlen_q if max_seqlen_k is None else max_seqlen_k,
    ]
    return make_call(
        "nn.attention_var_len", args, _attention_attrs(scale, causal_mask, window_size)
    )
