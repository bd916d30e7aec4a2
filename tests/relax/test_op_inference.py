"""Struct-info inference of every operator against TVM 0.27's, case by case.

Two recorded sets (both from the throw-away TVM venv, see their record scripts):

- ``tests/data/relax_inference/*.json``: small ``@R.function`` texts; each binding is built
  through our constructors (``test_op_inference_eval``, no parser) and its struct info
  compared with TVM's printed annotation; rejected texts must raise `InferenceError`.
- ``tests/data/relax_op_cases/recorded.json``: one operator call per case on inputs of given
  struct info (symbolic, unknown-rank and unknown-dtype inputs included).

Cases our operators do not match yet are listed in ``KNOWN_GAPS`` (an xfail each, so that a
fix shows up as XPASS and the entry is removed).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any, Final

import pytest
from test_op_inference_eval import Unsupported, printed_annotations, run

import tvmscript.core.relax.op as ops
from tvmscript.core.ir.global_info import VDevice
from tvmscript.core.ir.target import Target
from tvmscript.core.relax.expr import Call, ShapeExpr, Var
from tvmscript.core.relax.op import _common as C
from tvmscript.core.relax.op._text import sinfo_text
from tvmscript.core.relax.op.registry import InferenceError
from tvmscript.core.relax.struct_info import PrimStructInfo, ShapeStructInfo, TensorStructInfo
from tvmscript.core.tir import arith
from tvmscript.core.tir import expr as E

DATA: Final = Path(__file__).resolve().parents[1] / "data"
SOURCE_CASES: Final = sorted((DATA / "relax_inference").glob("*.json"))
OP_CASES: Final = DATA / "relax_op_cases" / "recorded.json"

KNOWN_GAPS: Final = frozenset(
    {
        "calls/call_builtin_with_ctx_no_ty",
        "calls/call_global_function_bad_arg",
        "calls/call_inplace_packed_type_mismatch",
        "calls/call_packed_in_pure_function",
        "creation/eye_like_3d",
        "creation/full_shape_var",
        "creation/hamming_window_int_dtype",
        "distributed/ccl_allreduce_bad_op",
        "distributed/ccl_scatter_from_worker0_not_divisible",
        "distributed/ccl_scatter_from_worker0_sym",
        "distributed/dist_redistribute_replica_to_shard_bad",
        "exprs/annotation_bad_keyword",
        "exprs/dtype_bad",
        "exprs/match_cast_refine",
        "exprs/match_cast_shape",
        "exprs/prim_param",
        "exprs/print_in_pure_function",
        "exprs/str_non_string",
        "exprs/to_vdevice",
        "exprs/to_vdevice_annotated_input",
        "exprs/to_vdevice_unknown_device",
        "image/affine_grid_bad_theta",
        "image/grid_sample_bad_grid_rank",
        "image/grid_sample_nhwc",
        "image/resize2d_rank_mismatch",
        "image/resize2d_shape_var",
        "image/resize3d_rank_mismatch",
        "linear_algebra/einsum_dtype_mix",
        "manipulation/batch_flatten_1d",
        "manipulation/collapse_sum_to_bad",
        "manipulation/dynamic_strided_slice_bad_len",
        "manipulation/gather_nd_too_many_index_dims",
        "manipulation/index_put_dtype_mix",
        "manipulation/index_tensor_float_index",
        "manipulation/one_hot_dtype_mix",
        "manipulation/one_hot_float_indices",
        "manipulation/reverse_sequence_bad_len",
        "manipulation/scatter_elements_shape_mismatch",
        "manipulation/scatter_nd_bad_updates",
        "manipulation/split_zero_sections",
        "manipulation/strided_slice_symbolic_assume_inbound",
        "matmul/0727",
        "memory/memory_kill_storage_in_pure_function",
        "memory/vm_call_tir_dyn",
        "nn/attention_bias_3d",
        "nn/attention_head_mismatch",
        "nn/attention_var_len",
        "nn/attention_var_len_batched_query",
        "nn/attention_var_len_kv",
        "nn/attention_var_len_prim_max",
        "nn/conv2d_bad_padding_len",
        "nn/conv2d_groups_not_divisible",
        "nn/conv2d_packed_layout",
        "nn/conv2d_symbolic_dim_named_like_param",
        "nn/conv2d_symbolic_stride",
        "nn/conv2d_transpose_bad_output_padding",
        "nn/cross_entropy_with_logits_mismatch",
        "nn/max_pool2d_bad_pool_size_len",
        "nn/pad_unknown_ndim",
        "nn/pixel_shuffle_not_divisible",
        "quantize/quantize_bad_out_dtype",
        "quantize/quantize_int_input",
        "quantize/quantize_unknown_ndim",
        "reduction/min_ndim_all",
        "search/argsort_axis_out_of_range",
        "search/unique_axis_out_of_range",
        "statistical/multinomial_from_uniform_bad_indices",
        "vision/all_class_non_max_suppression_tf",
        "vision/get_valid_counts_2d",
        "vision/multibox_transform_loc_bad_loc",
        "vision/roi_align_bad_rois",
        "zeros/0879",
    }
)


def _source_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in SOURCE_CASES:
        for case in json.loads(path.read_text()):
            out.append((f"{path.stem}/{case['name']}", case))
    return out


def _op_cases() -> list[tuple[str, dict[str, Any]]]:
    if not OP_CASES.exists():
        return []
    return [(f"{r['op']}/{r['id']:04d}", r) for r in json.loads(OP_CASES.read_text())]


def check_source_case(case: dict[str, Any]) -> str:
    """``"pass"``, ``"unsupported"`` or a description of the mismatch."""
    try:
        return _check_source_case(case)
    except Exception as exc:  # a crash is a mismatch to report, not a test error
        return f"crashed: {type(exc).__name__}: {exc}"


def _check_source_case(case: dict[str, Any]) -> str:
    try:
        bindings = run(case["source"])
    except Unsupported:
        return "unsupported"
    except InferenceError as exc:
        return "pass" if not case["accepted"] else f"rejected: {exc}"
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        return "unsupported" if not case["accepted"] else f"crashed: {type(exc).__name__}: {exc}"
    if not case["accepted"]:
        return "accepted a case TVM rejects"
    expected = printed_annotations(case["printed"])
    for name, value in bindings.items():
        info = getattr(value, "struct_info", None)
        known = name in expected and isinstance(value, Call | Var) and info is not None
        if known and (got := sinfo_text(info)) != expected[name]:
            return f"{name}: got {got}, TVM {expected[name]}"
    return "pass"


@pytest.mark.parametrize(
    ("name", "case"), _source_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_source_case_matches_tvm(name: str, case: dict[str, Any]) -> None:
    outcome = check_source_case(case)
    if outcome == "unsupported":
        pytest.skip("uses syntax the test helper does not interpret")
    if name in KNOWN_GAPS:
        assert outcome != "pass", f"{name} matches TVM now: remove it from the known gaps"
        pytest.xfail(outcome)
    assert outcome == "pass", outcome


# ---------------------------------------------------------------------------------------------
# One-call cases


def _sym(text: str, env: dict[str, E.Var]) -> E.PrimExpr:
    ops_ = {
        ast.Add: arith.add,
        ast.Sub: arith.sub,
        ast.Mult: arith.mul,
        ast.FloorDiv: arith.floordiv,
    }

    def ev(n: ast.expr) -> Any:
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, ast.Name):
            return env.setdefault(n.id, E.Var(n.id, "int64"))
        if isinstance(n, ast.BinOp):
            return ops_[type(n.op)](ev(n.left), ev(n.right))
        raise ValueError(text)

    return ev(ast.parse(text, mode="eval").body)  # type: ignore[no-any-return]


def _dim(d: int | str, env: dict[str, E.Var]) -> E.PrimExpr:
    return _sym(d, env) if isinstance(d, str) else E.IntImm("int64", d)


def _build(a: Any, env: dict[str, E.Var]) -> Any:  # noqa: C901  (one case per argument kind)
    if isinstance(a, list):
        return [_build(x, env) for x in a]
    if not isinstance(a, dict):
        return a
    if "tensor" in a:
        dims = a["tensor"]
        shape = None if dims is None else ShapeExpr(tuple(_dim(d, env) for d in dims))
        info = TensorStructInfo(shape, a["dtype"] or "void", a.get("ndim", -1))
        return Var("x", struct_info=info)
    if "tuple" in a:
        return C.tuple_expr([_build(x, env) for x in a["tuple"]])
    if "shape" in a:
        return C.shape_expr([_dim(d, env) for d in a["shape"]])
    if "shapevar" in a:
        return Var("x1", struct_info=ShapeStructInfo(None, a["shapevar"]))
    if "primvar" in a:
        return Var("x", struct_info=PrimStructInfo(a["primvar"]))
    if "primval" in a:
        return C.prim_value(arith.make_const(a["dtype"], a["primval"]))
    if "const" in a:
        return C.constant(a["const"], a["dtype"])
    if "sym" in a:
        return _sym(a["sym"], env)
    if "index_map" in a:
        return lambda i, j: (j, i)
    if "vdevice" in a:
        return VDevice(Target.from_config(a["vdevice"]), -1, "global")
    if "device" in a:
        return ops.cpu(0)
    raise ValueError(a)


def check_op_case(record: dict[str, Any]) -> str:
    """``"pass"`` or a description of the mismatch."""
    func: Any = ops
    for part in record["op"].split("."):
        func = getattr(func, part)
    env: dict[str, E.Var] = {}
    args = [_build(a, env) for a in record["args"]]
    kwargs = {k: _build(v, env) for k, v in record["kwargs"].items()}
    try:
        call = func(*args, **kwargs)
    except InferenceError as exc:
        return "pass" if record["outcome"] == "error" else f"rejected: {exc}"
    if record["outcome"] == "error":
        return f"accepted a case TVM rejects: {sinfo_text(call.struct_info)}"
    if "sinfo" not in record:
        return "pass"
    got = sinfo_text(call.struct_info)
    return "pass" if got == record["sinfo"] else f"got {got}, TVM {record['sinfo']}"


@pytest.mark.parametrize(
    ("name", "record"), _op_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_op_case_matches_tvm(name: str, record: dict[str, Any]) -> None:
    outcome = check_op_case(record)
    if name in KNOWN_GAPS:
        assert outcome != "pass", f"{name} matches TVM now: remove it from the known gaps"
        pytest.xfail(outcome)
    assert outcome == "pass", outcome
