"""The package's layers only reach down: the IR knows no parser, the printer no parser, ...

Every module of ``tvmscript`` and ``tvmscript_server`` is read (not imported) and each of its
imports — at module level, inside functions, under ``TYPE_CHECKING`` and through
``importlib.import_module("...")`` — is checked against the layer table below. A new package
needs a row here before it can land.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

REPO: Final = Path(__file__).resolve().parent.parent

_CORE: Final = ("tvmscript.core", "tvmscript.diagnostics")
_NEUTRAL: Final = (
    "tvmscript.script.tokens",
    "tvmscript.script.comments",
    "tvmscript.script.chunks",
)
_BUILDER: Final = ("tvmscript.script.ir_builder",)
_PRINTER: Final = ("tvmscript.script.printer",)
_PARSER: Final = ("tvmscript.script.parser",)
_NAMESPACES: Final = ("tvmscript.tir", "tvmscript.tirx", "tvmscript.relax", "tvmscript.ir")
_SCRIPT_TOOLS: Final = ("tvmscript.script.formatter", "tvmscript.script.outline")
_ANALYSIS: Final = ("tvmscript.analysis",)
_CODEGEN: Final = ("tvmscript.codegen",)
_RUNTIME: Final = ("tvmscript.runtime",)
_TRANSFORM: Final = ("tvmscript.transform",)
_BELOW_SERVER: Final = (
    *_CORE,
    *_NEUTRAL,
    *_BUILDER,
    *_PRINTER,
    *_PARSER,
    *_NAMESPACES,
    *_SCRIPT_TOOLS,
    *_ANALYSIS,
    *_CODEGEN,
    *_RUNTIME,
    *_TRANSFORM,
    "tvmscript.stubgen",
    "tvmscript",
)

# Layer (module prefix; the longest matching one applies) -> what it may import of ours.
LAYERS: Final[dict[str, tuple[str, ...]]] = {
    "tvmscript.core": ("tvmscript.core",),
    "tvmscript.diagnostics": ("tvmscript.core.ir",),
    "tvmscript.script.tokens": (),
    "tvmscript.script.comments": (),
    "tvmscript.script.chunks": (),
    "tvmscript.script.outline": (),
    "tvmscript.script.ir_builder": (*_CORE, "tvmscript.script.tokens", *_BUILDER),
    "tvmscript.script.printer": (*_CORE, *_NEUTRAL, *_PRINTER),
    "tvmscript.script.parser": (*_CORE, *_NEUTRAL, *_BUILDER, *_PARSER),
    "tvmscript.script.formatter": (*_CORE, *_NEUTRAL, *_PARSER, *_PRINTER, *_SCRIPT_TOOLS),
    "tvmscript.tir": (*_CORE, *_BUILDER, *_PARSER),
    "tvmscript.tirx": ("tvmscript.tir",),
    "tvmscript.relax": (*_CORE, *_BUILDER, *_PARSER),
    "tvmscript.ir": (*_CORE, *_BUILDER, *_PARSER),
    "tvmscript.analysis": (
        *_CORE,
        *_NEUTRAL,
        *_BUILDER,
        *_PARSER,
        *_PRINTER,
        *_SCRIPT_TOOLS,
        *_ANALYSIS,
    ),
    "tvmscript.codegen": (*_CORE, *_CODEGEN),
    "tvmscript.runtime": (*_CORE, *_CODEGEN, *_RUNTIME, *_TRANSFORM),
    "tvmscript.transform": (*_CORE, *_TRANSFORM),
    "tvmscript.stubgen": (*_CORE, *_BUILDER, *_PARSER, *_NAMESPACES, "tvmscript.stubgen"),
    "tvmscript.cli": (*_BELOW_SERVER, "tvmscript.cli", "tvmscript_server"),
    "tvmscript_server": (*_BELOW_SERVER, "tvmscript_server"),
    "tvmscript": _BELOW_SERVER,  # the package root: lazy entry points only
}

# Late-bound services, looked up by name where the layer below calls the one above; each with
# the reason it is not a dependency.
ALLOWED_DYNAMIC: Final[dict[tuple[str, str], str]] = {
    ("tvmscript.core.ir.node", "tvmscript.script.printer"): (
        "Node.script() asks the printer by name, as TVM's Object.script goes through the "
        "FFI registry: importing the IR never loads the printer"
    ),
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(REPO / "server" if path.is_relative_to(REPO / "server") else REPO)
    parts = list(rel.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> Iterator[tuple[str, Path]]:
    for root in (REPO / "tvmscript", REPO / "server" / "tvmscript_server"):
        for path in sorted(root.rglob("*.py")):
            yield _module_name(path), path


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _imports(module: str, path: Path) -> Iterator[tuple[str, int, bool]]:
    """``(imported module, line, is dynamic)`` for every import of ours in ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    package = module if _is_package(path) else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, False
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            yield base, node.lineno, False
            for alias in node.names:  # `from pkg import module` imports pkg.module
                yield f"{base}.{alias.name}", node.lineno, False
        elif _is_import_module_call(node):
            assert isinstance(node, ast.Call)
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.value, node.lineno, True
        elif isinstance(node, ast.Assign | ast.AnnAssign) and _is_module_constant(node):
            value = node.value
            assert isinstance(value, ast.Constant)
            yield value.value, node.lineno, True  # `_PRINTER_MODULE: Final = "tvmscript..."`


def _is_import_module_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _is_module_constant(node: ast.Assign | ast.AnnAssign) -> bool:
    value = node.value
    return (
        isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and value.value.startswith(("tvmscript.", "tvmscript_server"))
        and " " not in value.value
    )


def _ours(name: str) -> bool:
    return name == "tvmscript" or name.startswith(("tvmscript.", "tvmscript_server"))


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _layer(module: str) -> str | None:
    found = [prefix for prefix in LAYERS if _matches(module, prefix)]
    return max(found, key=len) if found else None


def _allowed(module: str, target: str) -> bool:
    layer = _layer(module)
    assert layer is not None
    if _matches(target, layer) and layer != "tvmscript":
        return True
    if target == "tvmscript":  # the root package is imported first by every submodule
        return True
    return any(_matches(target, prefix) for prefix in LAYERS[layer])


def _violations() -> list[str]:
    out = []
    for module, path in _modules():
        if _layer(module) is None:
            out.append(f"{module}: no layer in LAYERS (add a row for its package)")
            continue
        for target, line, dynamic in _imports(module, path):
            if not _ours(target) or _allowed(module, target):
                continue
            if dynamic and any(module == m and _matches(target, t) for m, t in ALLOWED_DYNAMIC):
                continue
            how = "looks up" if dynamic else "imports"
            out.append(f"{path.relative_to(REPO)}:{line}: {module} {how} {target}")
    return out


def test_import_layers_only_reach_down() -> None:
    violations = _violations()
    assert not violations, "layer violations:\n" + "\n".join(violations)


def test_import_layers_table_names_real_packages() -> None:
    modules = [m for m, _ in _modules()]
    for prefix in LAYERS:
        if prefix in ("tvmscript.transform", "tvmscript.codegen", "tvmscript.runtime"):
            continue  # rooms of the layout that may not be built yet
        if prefix == "tvmscript.script.chunks":
            continue
        assert any(_matches(m, prefix) for m in modules), f"{prefix} names no module"


@pytest.mark.parametrize(
    ("module", "target", "allowed"),
    [
        ("tvmscript.core.tir.expr", "tvmscript.script.printer", False),
        ("tvmscript.core.tir.buffer", "tvmscript.script.ir_builder.tir.buffers", False),
        ("tvmscript.script.printer.ir", "tvmscript.script.parser.api", False),
        ("tvmscript.script.parser.core.parser", "tvmscript.analysis", False),
        ("tvmscript.analysis.symbols", "tvmscript_server.server", False),
        ("tvmscript.script.parser.api", "tvmscript.script.ir_builder.base", True),
        ("tvmscript.cli.lsp_cmd", "tvmscript_server.main", True),
    ],
)
def test_import_layers_rules(module: str, target: str, allowed: bool) -> None:
    assert _allowed(module, target) is allowed
