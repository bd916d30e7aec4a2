"""Record TVM 0.27's public TVMScript API surface (names and signatures) as JSON test data.

This is a one-off recorder, not a test, and nothing in the test suite imports it. It needs a
real Apache TVM install, which the project itself never depends on. Run it with the throw-away
TVM venv's interpreter from the repository root:

    /work/tvm-venv/bin/python tests/data/record_tvm_api.py

It writes ``tests/data/tvm027_api.json`` next to this file (pass another path as the only
argument to write elsewhere). The output is deterministic: re-running it against the same TVM
install gives byte-identical JSON.

What is recorded, starting from ``from tvm.script import tirx as T, relax as R, ir as I``
(plus ``R.nn``): every public name (no leading ``_``) of each namespace, with its kind
("function", "class", "namespace", "dtype" or "value") and, for callables, the parameters of
``inspect.signature``. Namespace-like attributes (modules, objects whose type name ends in
``Namespace``, classes used only as a bag of static methods such as ``T.axis``, and the
attribute chains of ``T.ptx``) become namespaces of their own, down to two levels below
``T``/``R``/``I``. Members that ``dir()`` does not show (``__getattr__``-resolved names) are
found by probing candidates and marked ``"dynamic": true``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
import sys
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSON = dict[str, Any]

OUTPUT = Path(__file__).with_name("tvm027_api.json")

#: Roots, as the user spells them (``R.nn`` and the rest are found under them).
ROOTS = ("T", "R", "I")

#: Shared name lists (``tvm027_<ns>_names.txt``) checked against the output when present.
SHARED_LISTS = Path("/work/shared/api")

#: Implementation modules hanging off the roots: listed in the parent, never expanded.
IMPLEMENTATION_MODULES = frozenset({"builder", "parser", "entry", "frame", "ir"})

#: Levels below a root that are expanded (``T`` -> ``T.cuda`` -> ``T.cuda.wgmma``).
MAX_DEPTH = 2

#: Decorator entry points whose "call with no arguments" behaviour is recorded.
DECORATORS = ("T.prim_func", "T.macro", "T.inline", "R.function", "R.macro", "I.ir_module")

#: What is kept for a member of a ``T.ptx.<family>`` chain: it is a narrower chain with the
#: family's own call signature (recorded once, on the family in ``T.ptx``).
CHAIN_MEMBER_KEYS = ("kind", "type", "dynamic")

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


@dataclass
class Namespace:
    """One namespace to record: its dotted path, the object, and how deep it sits."""

    path: str
    obj: Any
    depth: int


@dataclass
class Recorder:
    """Walks the namespaces breadth-first and accumulates the JSON document."""

    roots: dict[str, Any]
    namespaces: dict[str, JSON] = field(default_factory=dict)
    skipped: list[JSON] = field(default_factory=list)
    #: ``id`` -> (first path, the object itself, kept alive so the ``id`` is never reused).
    seen: dict[int, tuple[str, Any]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Small formatting helpers


def clean_repr(value: Any) -> str:
    """``repr`` without memory addresses, so the output is stable between runs."""
    return _ADDRESS.sub(" at 0x...", repr(value))


def annotation_text(annotation: Any) -> str:
    """The string form of an annotation (postponed annotations are already strings)."""
    if isinstance(annotation, str):
        return annotation
    return _ADDRESS.sub(" at 0x...", inspect.formatannotation(annotation))


def type_name(obj: Any) -> str:
    return type(obj).__qualname__


def type_module(obj: Any) -> str:
    return type(obj).__module__


def public_dir(obj: Any) -> list[str]:
    return sorted(name for name in dir(obj) if not name.startswith("_"))


# ---------------------------------------------------------------------------------------------
# Signatures


def param_record(param: inspect.Parameter) -> JSON:
    record: JSON = {"name": param.name, "kind": param.kind.name}
    if param.default is not inspect.Parameter.empty:
        record["default"] = clean_repr(param.default)
    if param.annotation is not inspect.Parameter.empty:
        record["annotation"] = annotation_text(param.annotation)
    return record


def signature_record(obj: Any) -> JSON:
    """``params`` + ``return_annotation``, or ``signature: null`` with the reason."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError) as err:
        return {"signature": None, "signature_error": f"{type(err).__name__}: {err}"}
    record: JSON = {"params": [param_record(p) for p in sig.parameters.values()]}
    if sig.return_annotation is not inspect.Signature.empty:
        record["return_annotation"] = annotation_text(sig.return_annotation)
    return record


# ---------------------------------------------------------------------------------------------
# Classifying one attribute


def is_static_bag_class(obj: Any) -> bool:
    """A lowercase class used as a namespace: its own public members are all static."""
    if not inspect.isclass(obj) or not obj.__name__[:1].islower():
        return False
    members = [v for k, v in vars(obj).items() if not k.startswith("_")]
    return bool(members) and all(isinstance(v, staticmethod | classmethod) for v in members)


def is_namespace_object(obj: Any) -> bool:
    """Module, ``*Namespace`` instance, static-method bag class, or a ``T.ptx`` chain."""
    if isinstance(obj, types.ModuleType) or is_static_bag_class(obj):
        return True
    if inspect.isclass(obj):
        return False
    return type_name(obj).endswith("Namespace") or type_name(obj) == "_InstrChain"


def is_dtype_constructor(obj: Any) -> bool:
    return type_name(obj) == "DtypeConstructor" and not inspect.isclass(obj)


def is_function(obj: Any) -> bool:
    """Routines, partials, and callable TVM objects (``T.Buffer``, tile ``ScopedOp`` s)."""
    if inspect.isroutine(obj) or isinstance(obj, functools.partial):
        return True
    return callable(obj) and type_module(obj).startswith("tvm.")


def namespace_entry(obj: Any) -> JSON:
    if isinstance(obj, types.ModuleType):
        return {"kind": "namespace", "type": "module", "module": obj.__name__}
    if inspect.isclass(obj):
        return {"kind": "namespace", "type": "class", "module": obj.__module__}
    entry: JSON = {"kind": "namespace", "type": type_name(obj), "module": type_module(obj)}
    if callable(obj):
        entry["callable"] = True
        entry.update(signature_record(obj))
    return entry


def dtype_entry(obj: Any) -> JSON:
    entry: JSON = {"kind": "dtype", "repr": clean_repr(obj)}
    dtype = getattr(obj, "_dtype_str", None)
    if isinstance(dtype, str):
        entry["dtype"] = dtype
    entry.update(signature_record(obj))
    return entry


def function_entry(obj: Any) -> JSON:
    entry: JSON = {"kind": "function"}
    if isinstance(obj, functools.partial):
        entry["type"] = "functools.partial"
        entry["partial_of"] = getattr(obj.func, "__name__", clean_repr(obj.func))
        entry["partial_keywords"] = {k: clean_repr(v) for k, v in sorted(obj.keywords.items())}
    elif not inspect.isfunction(obj):
        entry["type"] = type_name(obj)
        entry["subscriptable"] = hasattr(type(obj), "__getitem__")
    entry.update(signature_record(obj))
    return entry


def class_entry(obj: type) -> JSON:
    entry: JSON = {"kind": "class", "module": obj.__module__}
    entry.update(signature_record(obj))
    return entry


def value_entry(obj: Any) -> JSON:
    entry: JSON = {"kind": "value", "type": type_name(obj), "module": type_module(obj)}
    if obj is None or type(obj) in (str, int, float, bool):
        entry["repr"] = repr(obj)
    entry["subscriptable"] = hasattr(type(obj), "__getitem__")
    entry["callable"] = callable(obj)
    if callable(obj):
        entry.update(signature_record(obj))
    return entry


def classify(obj: Any) -> JSON:
    """The JSON record of one attribute value."""
    if is_namespace_object(obj):
        return namespace_entry(obj)
    if is_dtype_constructor(obj):
        return dtype_entry(obj)
    if inspect.isclass(obj):
        return class_entry(obj)
    if is_function(obj):
        return function_entry(obj)
    return value_entry(obj)


# ---------------------------------------------------------------------------------------------
# Finding the members of a namespace, including ``__getattr__``-resolved ones


def ptx_table() -> Any:
    return importlib.import_module("tvm.backend.cuda.ptx.table")


def ptx_family_candidates() -> list[str]:
    """Attribute spellings of every PTX family (keywords escaped, e.g. ``and_``)."""
    table = ptx_table()
    return sorted({table.escape_token(entry.family) for entry in table.TABLE.values()})


def ptx_modifier_candidates(family_attr: str) -> list[str]:
    """Attribute spellings of every modifier token any shape of one PTX family accepts."""
    table = ptx_table()
    family = table.unescape_token(family_attr)
    tokens = {
        token
        for entry in table.TABLE.values()
        if entry.family == family
        for slot in entry.slots
        for token in slot.choices
    }
    return sorted(table.escape_token(token) for token in tokens)


def dynamic_candidates(ns: Namespace, roots: dict[str, Any]) -> tuple[list[str], str]:
    """Names to probe with ``getattr`` beyond ``dir()``, and where they came from."""
    kind = type_name(ns.obj)
    if kind == "PTXNamespace":
        return ptx_family_candidates(), "tvm.backend.cuda.ptx.table.TABLE families"
    if kind == "_InstrChain":
        family = ns.path.rsplit(".", 1)[-1]
        return ptx_modifier_candidates(family), "modifier tokens of the family's TABLE entries"
    if kind == "ScopeNamespace":
        return public_dir(roots["T"].tile), "public names of T.tile (scoped tile primitives)"
    return [], ""


def probe(obj: Any, name: str) -> bool:
    try:
        getattr(obj, name)
    except AttributeError:
        return False
    return True


def member_names(ns: Namespace, roots: dict[str, Any]) -> tuple[dict[str, bool], str]:
    """``{name: dynamic}`` for every public member, and a note on any probing done."""
    names = {name: False for name in public_dir(ns.obj)}
    candidates, source = dynamic_candidates(ns, roots)
    found = [c for c in candidates if c not in names and probe(ns.obj, c)]
    names.update(dict.fromkeys(found, True))
    note = f"probed {len(candidates)} candidates from {source}; {len(found)} not in dir()"
    return names, (note if candidates else "")


# ---------------------------------------------------------------------------------------------
# Walking


def skip_reason(parent: Namespace, name: str, obj: Any) -> str:
    """Why a namespace-like member is not expanded ("" when it is)."""
    if not isinstance(obj, types.ModuleType):
        return ""
    if parent.depth == 0 and name in IMPLEMENTATION_MODULES:
        return "implementation module (builder/parser/entry/frame/ir), not user API"
    if not obj.__name__.startswith("tvm."):
        return f"not a TVM module ({obj.__name__})"
    nested = isinstance(parent.obj, types.ModuleType) and parent.depth > 0
    if nested and obj.__name__.startswith(parent.obj.__name__ + "."):
        return f"implementation submodule {obj.__name__} re-exported by {parent.path}"
    return ""


def record_members(rec: Recorder, ns: Namespace, queue: list[Namespace]) -> JSON:
    names, note = member_names(ns, rec.roots)
    entries: JSON = {}
    for name, dynamic in sorted(names.items()):
        obj = getattr(ns.obj, name)
        entry = classify(obj)
        entry.update({"dynamic": True} if dynamic else {})
        if type_name(ns.obj) == "_InstrChain":  # members are narrower chains, same call
            entry = {k: v for k, v in entry.items() if k in CHAIN_MEMBER_KEYS}
        if entry["kind"] == "namespace":
            entry.update(child_namespace(rec, ns, name, obj, queue))
        entries[name] = entry
    record: JSON = {"names": entries, "type": namespace_entry(ns.obj)["type"]}
    record.update({"dynamic_members": note} if note else {})
    return record


def child_namespace(
    rec: Recorder, parent: Namespace, name: str, obj: Any, queue: list[Namespace]
) -> JSON:
    """Queue a namespace member for expansion, or say why it is not expanded."""
    path = f"{parent.path}.{name}"
    reason = skip_reason(parent, name, obj)
    if reason:
        rec.skipped.append({"path": path, "reason": reason})
        return {"expanded": False}
    if parent.depth + 1 > MAX_DEPTH:
        return {"expanded": False}
    queue.append(Namespace(path, obj, parent.depth + 1))
    return {"expanded": True}


def walk(rec: Recorder) -> None:
    queue = [Namespace(path, rec.roots[path], 0) for path in ROOTS]
    while queue:
        ns = queue.pop(0)
        first = rec.seen.get(id(ns.obj))
        if first is not None:
            rec.namespaces[ns.path] = {"alias_of": first[0]}
            continue
        rec.seen[id(ns.obj)] = (ns.path, ns.obj)
        rec.namespaces[ns.path] = record_members(rec, ns, queue)


# ---------------------------------------------------------------------------------------------
# Extra facts and the document


def decorator_facts(roots: dict[str, Any]) -> JSON:
    """What calling each decorator entry point with no arguments returns."""
    facts: JSON = {}
    for path in DECORATORS:
        root, name = path.split(".")
        func = getattr(roots[root], name, None)
        if func is None:
            continue
        try:
            result = func()
        except Exception as err:  # the failure itself is the fact
            facts[path] = {"called_without_args": f"raises {type(err).__name__}"}
            continue
        facts[path] = {
            "called_without_args": "returns a callable" if callable(result) else type_name(result),
            **signature_record(func),
        }
    return facts


def load_roots() -> dict[str, Any]:
    script = importlib.import_module("tvm.script")
    return {"T": script.tirx, "R": script.relax, "I": script.ir}


def check_name_lists(namespaces: dict[str, JSON], lists: Iterable[Path]) -> list[str]:
    """Names from the shared ``tvm027_<ns>_names.txt`` lists that are missing here."""
    missing = []
    for path in lists:
        ns = path.name.removeprefix("tvm027_").removesuffix("_names.txt")
        recorded = namespaces.get(ns, {}).get("names", {})
        missing += [f"{ns}.{n}" for n in path.read_text().split() if n not in recorded]
    return missing


def build_document(tvm_version: str, rec: Recorder, facts: JSON) -> JSON:
    return {
        "tvm_version": tvm_version,
        "recorded_with": "tests/data/record_tvm_api.py",
        "max_depth_expanded": MAX_DEPTH,
        "namespaces": rec.namespaces,
        "decorators": facts,
        "skipped": sorted(rec.skipped, key=lambda s: s["path"]),
    }


def main(argv: list[str], report: Callable[[str], None] = print) -> int:
    tvm = importlib.import_module("tvm")
    rec = Recorder(roots=load_roots())
    walk(rec)
    doc = build_document(str(tvm.__version__), rec, decorator_facts(rec.roots))
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    out.write_text(json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=True) + "\n")
    missing = check_name_lists(rec.namespaces, sorted(SHARED_LISTS.glob("tvm027_*_names.txt")))
    for ns, record in sorted(rec.namespaces.items()):
        report(f"{ns}: {len(record.get('names', {}))} names {record.get('alias_of', '')}")
    report(f"missing from shared lists: {missing or 'none'}")
    report(f"wrote {out} ({out.stat().st_size} bytes)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
