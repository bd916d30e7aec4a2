"""Which names of a Python file are TVMScript's: the namespaces T, R, I and their decorators.

A file says it through its imports (``from tvm.script import tirx as T``, ``from tvmscript
import tir as T``, ``import tvm.script.relax as R``, ``from tvm.script.tir import prim_func``);
the plugins read them from their own trees and ask `resolve` what a dotted name means.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

DIALECTS: Final[dict[str, str]] = {  # module -> the stub namespace it is
    **{f"tvm.script.{name}": f"tvmscript.{dialect}" for name, dialect in (
        ("tir", "tir"), ("tirx", "tir"), ("relax", "relax"), ("ir", "ir"))},
    **{f"tvm.script.parser.{name}": f"tvmscript.{name}" for name in ("tir", "relax", "ir")},
    "tvmscript.tir": "tvmscript.tir",
    "tvmscript.tirx": "tvmscript.tir",
    "tvmscript.relax": "tvmscript.relax",
    "tvmscript.ir": "tvmscript.ir",
}  # fmt: skip
"""Every spelling of the T, R and I namespaces, to the namespace module of the stubs."""

PACKAGES: Final = frozenset({"tvm", "tvm.script", "tvm.script.parser", "tvmscript"})
"""Packages whose attributes lead to a namespace (``import tvm`` then ``tvm.script.tir``)."""

FUNCTION_DECORATORS: Final[dict[str, str]] = {
    "tvmscript.tir.prim_func": "prim_func",
    "tvmscript.tir.macro": "macro",
    "tvmscript.relax.function": "function",
    "tvmscript.relax.macro": "macro",
}
"""Decorators of TVMScript functions, by their full name in the stubs, to the kind they make."""

CLASS_DECORATORS: Final[dict[str, str]] = {"tvmscript.ir.ir_module": "ir_module"}
"""Decorators of TVMScript classes (the IRModule)."""


def imported_names(
    imports: Iterable[tuple[str, str, str | None]], plain: Iterable[tuple[str, str | None]]
) -> dict[str, str]:
    """Local name -> the full name it stands for, for the TVMScript imports of a file.

    Args:
        imports: ``from MODULE import NAME as ASNAME`` statements (level 0), as triples.
        plain: ``import MODULE as ASNAME`` statements, as pairs.
    """
    out: dict[str, str] = {}
    for module, name, asname in imports:
        full = f"{module}.{name}"
        if full in DIALECTS or full in PACKAGES:
            out[asname or name] = DIALECTS.get(full, full)
        elif module in DIALECTS:  # from tvm.script.tir import prim_func
            out[asname or name] = f"{DIALECTS[module]}.{name}"
    for module, asname in plain:
        if asname is not None and (module in DIALECTS or module in PACKAGES):
            out[asname] = DIALECTS.get(module, module)
        elif asname is None and module.split(".", 1)[0] in ("tvm", "tvmscript"):
            root = module.split(".", 1)[0]
            out[root] = root
    return out


def resolve(dotted: str, names: dict[str, str]) -> str | None:
    """The stub full name of ``dotted`` (``T.prim_func`` -> ``tvmscript.tir.prim_func``)."""
    head, _, rest = dotted.partition(".")
    if (base := names.get(head)) is None:
        return None
    full = f"{base}.{rest}" if rest else base
    # `tvm.script.tirx.prim_func`: the longest namespace prefix decides.
    parts = full.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in DIALECTS:
            return ".".join([DIALECTS[prefix], *parts[cut:]])
    return full if full.startswith("tvmscript.") else None


def is_script_name(full: str | None) -> bool:
    """Whether a resolved full name is a member of the T, R or I namespace."""
    return full is not None and full.startswith(("tvmscript.tir.", "tvmscript.relax."))
