"""``T`` and ``I`` have every name of TVM 0.27, with TVM's signatures.

The names come from ``../shared/api/tvm027_{T,I}_names.txt``; the signatures (parameter
names, kinds, defaults) and the sub-namespaces (``T.cuda``, ``T.ptx.<family>``, ``T.cta``, ...)
from ``tests/data/tvm027_api.json``, recorded from TVM 0.27. ``span`` parameters are not
compared: the builder takes spans from the statement being parsed.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any, Final

import pytest

from tvmscript import ir as I
from tvmscript import tir as T

DATA: Final = Path(__file__).resolve().parents[1] / "data" / "tvm027_api.json"
API: Final = (
    Path(os.environ.get("TVMSCRIPT_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "api"
)
RECORDED: Final[dict[str, Any]] = json.loads(DATA.read_text(encoding="ascii"))
NAMESPACES: Final[dict[str, Any]] = RECORDED["namespaces"]
ROOTS: Final = {"T": T, "I": I}

# Deliberate differences, each with its reason.
DIFFERENT_SIGNATURES: Final = {
    "I.decl_function": "tvmscript lets the signature be left out (declared, defined later)",
}


def _names(ns: str) -> list[str]:
    path = API / f"tvm027_{ns}_names.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (set TVMSCRIPT_SHARED to the shared folder)")
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def _resolve(path: str) -> Any:
    root, *parts = path.split(".")
    obj = ROOTS[root]
    for part in parts:
        obj = getattr(obj, part)
    return obj


def _ours(obj: Any) -> list[tuple[str, str, str | None]] | None:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    return [
        (p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in sig.parameters.values()
        if p.name != "span"
    ]


def _theirs(entry: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [
        (p["name"], p["kind"], p.get("default")) for p in entry["params"] if p["name"] != "span"
    ]


def _with_params() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for ns, info in NAMESPACES.items():
        if ns.split(".")[0] not in ROOTS or "alias_of" in info:
            continue
        out.extend((ns, name, e) for name, e in info["names"].items() if "params" in e)
    return out


@pytest.mark.parametrize("ns", ["T", "I"])
def test_namespace_has_every_tvm_name(ns: str) -> None:
    missing = [n for n in _names(ns) if not hasattr(ROOTS[ns], n)]
    assert missing == [], f"{ns} lacks {missing}"


@pytest.mark.parametrize(
    ("ns", "name", "entry"), _with_params(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_name_has_tvm_signature(ns: str, name: str, entry: dict[str, Any]) -> None:
    qualified = f"{ns}.{name}"
    ours = _ours(getattr(_resolve(ns), name))
    if qualified in DIFFERENT_SIGNATURES:
        assert ours != _theirs(entry), f"{qualified} is listed as different but is not"
        return
    assert ours == _theirs(entry)


@pytest.mark.parametrize(
    "ns", [n for n, i in NAMESPACES.items() if n.startswith("T.") and "alias_of" not in i]
)
def test_sub_namespace_has_every_name(ns: str) -> None:
    obj = _resolve(ns)
    missing = [name for name in NAMESPACES[ns]["names"] if not hasattr(obj, name)]
    assert missing == [], f"{ns} lacks {missing}"


def test_ptx_families_take_their_modifier_chains() -> None:
    families = [n for n in NAMESPACES if n.startswith("T.ptx.")]
    assert len(families) > 100
    for ns in families:
        chain = _resolve(ns)
        for token in NAMESPACES[ns]["names"]:
            getattr(chain, token)  # each recorded token narrows the chain


@pytest.mark.parametrize("name", sorted(RECORDED["decorators"]))
def test_decorator_has_tvm_signature(name: str) -> None:
    entry = RECORDED["decorators"][name]
    root, attr = name.split(".")
    if root == "R":
        pytest.skip("Relax's decorators belong to the Relax namespace")
    assert _ours(getattr(ROOTS[root], attr)) == _theirs(entry)


def test_every_callable_of_t_has_a_docstring() -> None:
    undocumented = []
    for ns, info in NAMESPACES.items():
        if not ns.startswith("T") or "alias_of" in info or ns.startswith("T.ptx."):
            continue
        obj = _resolve(ns)
        for name, entry in info["names"].items():
            value = getattr(obj, name)
            if (
                entry.get("kind") == "function"
                and not (getattr(value, "__doc__", "") or "").strip()
            ):
                undocumented.append(f"{ns}.{name}")
    assert undocumented == []
