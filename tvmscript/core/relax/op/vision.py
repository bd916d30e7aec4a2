"""``R.vision``: region pooling and non-maximum suppression."""

from __future__ import annotations

from collections.abc import Sequence

from tvmscript.core.relax.expr import Call, Expr
from tvmscript.core.relax.op._common import INDEX, like, tensor, tensor_info
from tvmscript.core.relax.op.registry import make_call, register_op
from tvmscript.core.relax.struct_info import StructInfo, TupleStructInfo
from tvmscript.core.tir import expr as E


def _i(v: int) -> E.PrimExpr:
    return E.IntImm(INDEX, v)


def _infer_roi(call: Call) -> StructInfo:
    data, rois = tensor_info(call, 0, "data"), tensor_info(call, 1, "rois")
    dims, rdims = data.shape_values, rois.shape_values
    if dims is None or rdims is None:
        return tensor(None, data.dtype, 4, data.vdevice)
    ph, pw = call.attrs["pooled_size"]
    if call.attrs["layout"] == "NHWC":
        return tensor([rdims[0], _i(ph), _i(pw), dims[3]], data.dtype, 4, data.vdevice)
    return tensor([rdims[0], dims[1], _i(ph), _i(pw)], data.dtype, 4, data.vdevice)


register_op("vision.roi_align")(_infer_roi)
register_op("vision.roi_pool")(_infer_roi)


def _pooled(size: int | Sequence[int]) -> tuple[int, int]:
    if isinstance(size, int):
        return (size, size)
    a, b = (int(v) for v in size)
    return (a, b)


def roi_align(
    data: Expr,
    rois: Expr,
    pooled_size: int | Sequence[int],
    spatial_scale: float,
    sample_ratio: int = -1,
    aligned: bool = False,
    layout: str = "NCHW",
    mode: str = "avg",
) -> Call:
    """Features of each region of interest, bilinearly sampled to ``pooled_size``."""
    attrs = {
        "pooled_size": _pooled(pooled_size),
        "spatial_scale": float(spatial_scale),
        "sample_ratio": sample_ratio,
        "aligned": aligned,
        "layout": layout,
        "mode": mode,
    }
    return make_call("vision.roi_align", [data, rois], attrs)


def roi_pool(
    data: Expr,
    rois: Expr,
    pooled_size: int | Sequence[int],
    spatial_scale: float,
    layout: str = "NCHW",
) -> Call:
    """Features of each region of interest, max-pooled to ``pooled_size``."""
    attrs = {
        "pooled_size": _pooled(pooled_size),
        "spatial_scale": float(spatial_scale),
        "layout": layout,
    }
    return make_call("vision.roi_pool", [data, rois], attrs)


@register_op("vision.get_valid_counts")
def _infer_get_valid_counts(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if (dims := data.shape_values) is None:
        return TupleStructInfo((tensor(None, "int32", 1), like(data), tensor(None, "int32", 2)))
    return TupleStructInfo(
        (tensor([dims[0]], "int32", 1), like(data), tensor([dims[0], dims[1]], "int32", 2))
    )


def get_valid_counts(
    data: Expr, score_threshold: float = 0, id_index: int = 0, score_index: int = 1
) -> Call:
    """The boxes scoring above ``score_threshold``, moved to the front, and their count."""
    attrs = {
        "score_threshold": float(score_threshold),
        "id_index": id_index,
        "score_index": score_index,
    }
    return make_call("vision.get_valid_counts", [data], attrs)


@register_op("vision.non_max_suppression")
def _infer_nms(call: Call) -> StructInfo:
    data = tensor_info(call, 0, "data")
    if not call.attrs["return_indices"]:
        return like(data)
    if (dims := data.shape_values) is None:
        return TupleStructInfo((tensor(None, "int32", 2), tensor(None, "int32", 2)))
    return TupleStructInfo(
        (tensor([dims[0], dims[1]], "int32", 2), tensor([dims[0], _i(1)], "int32", 2))
    )


def non_max_suppression(
    data: Expr,
    valid_count: Expr,
    indices: Expr,
    max_output_size: int = -1,
    iou_threshold: float = 0.5,
    force_suppress: bool = False,
    top_k: int = -1,
    coord_start: int = 2,
    score_index: int = 1,
    id_index: int = 0,
    return_indices: bool = True,
    invalid_to_bottom: bool = False,
    soft_nms_sigma: float = 0.0,
    score_threshold: float = 0.0,
) -> Call:
    """Non-maximum suppression of overlapping boxes."""
    attrs = {
        "max_output_size": max_output_size,
        "iou_threshold": float(iou_threshold),
        "force_suppress": force_suppress,
        "top_k": top_k,
        "coord_start": coord_start,
        "score_index": score_index,
        "id_index": id_index,
        "return_indices": return_indices,
        "invalid_to_bottom": invalid_to_bottom,
        "soft_nms_sigma": float(soft_nms_sigma),
        "score_threshold": float(score_threshold),
    }
    return make_call("vision.non_max_suppression", [data, valid_count, indices], attrs)


@register_op("vision.all_class_non_max_suppression")
def _infer_all_class_nms(call: Call) -> StructInfo:
    tensor_info(call, 0, "boxes")
    scores = tensor_info(call, 1, "scores")
    dims = scores.shape_values
    if dims is None:
        return TupleStructInfo((tensor(None, INDEX, 2), tensor([_i(1)], INDEX, 1)))
    count = E.Mul(E.Mul(dims[0], dims[1]), dims[2])
    return TupleStructInfo((tensor([count, _i(3)], INDEX, 2), tensor([_i(1)], INDEX, 1)))


def all_class_non_max_suppression(
    boxes: Expr,
    scores: Expr,
    max_output_boxes_per_class: Expr,
    iou_threshold: Expr,
    score_threshold: Expr,
    output_format: str = "onnx",
) -> Call:
    """Non-maximum suppression per class (ONNX's NonMaxSuppression)."""
    args = [boxes, scores, max_output_boxes_per_class, iou_threshold, score_threshold]
    return make_call("vision.all_class_non_max_suppression", args, {"output_format": output_format})


@register_op("vision.multibox_transform_loc")
def _infer_multibox(call: Call) -> StructInfo:
    cls_pred = tensor_info(call, 0, "class predictions")
    anchor = tensor_info(call, 2, "anchors")
    cdims, adims = cls_pred.shape_values, anchor.shape_values
    if cdims is None or adims is None:
        return TupleStructInfo((tensor(None, cls_pred.dtype, 3), like(cls_pred)))
    boxes = tensor([cdims[0], adims[1], _i(4)], cls_pred.dtype, 3, cls_pred.vdevice)
    return TupleStructInfo((boxes, like(cls_pred)))


def multibox_transform_loc(
    cls_pred: Expr,
    loc_pred: Expr,
    anchor: Expr,
    clip: bool = False,
    threshold: float = 0.0,
    variances: Sequence[float] = (1.0, 1.0, 1.0, 1.0),
    keep_background: bool = True,
    apply_softmax: bool = True,
) -> Call:
    """Boxes decoded from anchor offsets, with the class scores."""
    attrs = {
        "clip": clip,
        "threshold": float(threshold),
        "variances": tuple(float(v) for v in variances),
        "keep_background": keep_background,
        "apply_softmax": apply_softmax,
    }
    return make_call("vision.multibox_transform_loc", [cls_pred, loc_pred, anchor], attrs)


__all__ = [
    "all_class_non_max_suppression",
    "get_valid_counts",
    "multibox_transform_loc",
    "non_max_suppression",
    "roi_align",
    "roi_pool",
]
