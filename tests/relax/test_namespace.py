"""``R`` and ``R.nn`` have every name of TVM 0.27's, with TVM's signatures.

The names come from ``/work/shared/api`` lists recorded into ``tests/data/tvm027_api.json``
(the parameters' names, kinds and defaults). A few signatures differ on purpose; they are
listed in ``DEVIATIONS`` with the reason, and still checked to keep TVM's parameters as a
prefix of ours.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any, Final

import pytest

from tvmscript import relax as R

API: Final = Path(__file__).resolve().parent.parent / "data" / "tvm027_api.json"

DEVIATIONS: Final[dict[str, str]] = {
    "R.Prim": "R.Prim(value=n) is accepted too (dtype is then optional)",
    "R.call_tir": "out_sinfo= (the seed's spelling) is accepted as well as out_ty=",
    "R.call_tir_inplace": "out_sinfo= is accepted as well as out_ty=",
    "R.call_tir_with_grad": "out_sinfo= is accepted as well as out_ty=",
    "R.call_dps_packed": "out_sinfo= is accepted as well as out_ty=",
}


def _api() -> dict[str, Any]:
    if not API.exists():
        pytest.skip(f"{API} is not recorded")
    data: dict[str, Any] = json.loads(API.read_text())
    return data


def _skipped() -> set[str]:
    return {entry["path"] for entry in _api().get("skipped", [])}


def _names(namespace: str) -> list[tuple[str, dict[str, Any]]]:
    if not API.exists():
        return []
    data = json.loads(API.read_text())
    return sorted(data["namespaces"].get(namespace, {}).get("names", {}).items())


def _params(obj: Any) -> list[dict[str, str]]:
    out = []
    for p in inspect.signature(obj).parameters.values():
        item = {"name": p.name, "kind": p.kind.name}
        if p.default is not inspect.Parameter.empty:
            item["default"] = repr(p.default)
        out.append(item)
    return out


def _recorded(entry: dict[str, Any]) -> list[dict[str, str]]:
    return [{k: p[k] for k in ("name", "kind", "default") if k in p} for p in entry["params"]]


NAMESPACES: Final = {"R": R, "R.nn": R.nn}
CASES: Final = [(ns, name, entry) for ns in NAMESPACES for name, entry in _names(ns)]
IDS: Final = [f"{ns}.{name}" for ns, name, _ in CASES]


@pytest.mark.parametrize(("namespace", "name", "entry"), CASES, ids=IDS)
def test_namespace_has_tvm_name(namespace: str, name: str, entry: dict[str, Any]) -> None:
    if f"{namespace}.{name}" in _skipped():
        pytest.skip("an implementation module of TVM's, not user API")
    del entry
    assert hasattr(NAMESPACES[namespace], name), f"{namespace}.{name} is missing"


@pytest.mark.parametrize(("namespace", "name", "entry"), CASES, ids=IDS)
def test_namespace_signature_is_tvms(namespace: str, name: str, entry: dict[str, Any]) -> None:
    obj = getattr(NAMESPACES[namespace], name, None)
    if obj is None or entry.get("kind") not in ("function", "class") or "params" not in entry:
        pytest.skip("not a callable with a recorded signature")
    want, have = _recorded(entry), _params(obj)
    if f"{namespace}.{name}" in DEVIATIONS:
        assert [p["name"] for p in have[: len(want)]] == [p["name"] for p in want]
        return
    assert have == want


def test_deviations_are_still_needed() -> None:
    recorded = dict(_names("R"))
    for qualified in DEVIATIONS:
        name = qualified.removeprefix("R.")
        assert _params(getattr(R, name)) != _recorded(recorded[name]), qualified


def test_struct_info_annotations_are_the_builders() -> None:
    from tvmscript.script.ir_builder import relax as B

    assert (R.Tensor, R.Shape, R.Object, R.Any) == (B.Tensor, B.Shape, B.Object, B.Object)
