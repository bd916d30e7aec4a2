"""The pylint plugin for TVMScript files: ``--load-plugins=tvmscript_stubs.pylint``.

An astroid brain and two transforms:

- the namespaces ``tvmscript.tir``/``tirx``/``ir``/``relax`` and TVM's ``tvm.script.*`` are
  built from the ``.pyi`` stubs beside this package (astroid reads no stubs by itself), so
  ``from tvm.script import tirx as T`` resolves without TVM installed and ``T.float32``,
  ``T.axis.remap`` exist; stub bodies return an instance of their annotated class, so
  inference knows ``T.match_buffer(...)`` is a `Buffer` (and ``A.fooo`` is reported);
- the functions of an ``@I.ir_module`` class are static (TVMScript gives them no ``self``);
- in a TVMScript signature, a symbolic dimension used bare after its first use as a string
  (``T.Buffer(("n",), ...)`` then ``T.Buffer((n,), ...)``, declared by ``n = T.int32()`` in
  the body) reads as that string, as TVM reads it.

``T.init()``, ``T.reads``/``T.writes`` and buffer stores need nothing more: they are calls
and subscripts of typed stub classes.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder

from tvmscript_stubs.names import CLASS_DECORATORS, FUNCTION_DECORATORS, imported_names, resolve

if TYPE_CHECKING:
    from pylint.lint import PyLinter

_STUBS: Final = Path(__file__).resolve().parent.parent
_ROOTS: Final[dict[str, str]] = {"tvmscript": "tvmscript-stubs", "tvm": "tvm-stubs"}


def register(linter: PyLinter) -> None:
    """Pylint's entry point: the brain and the transforms are registered on astroid."""
    del linter
    manager = astroid.MANAGER
    # The real namespaces fill themselves at import time: their stubs take their place.
    for name in replaced_modules():
        if (module := stub_module(name)) is not None:
            manager.astroid_cache[name] = module
    manager.register_failed_import_hook(_failed_import)
    manager.register_transform(nodes.ClassDef, _ir_module_class, _is_ir_module)
    manager.register_transform(nodes.FunctionDef, _script_signature, _is_script_function)
    manager.register_transform(nodes.FunctionDef, _unread_loop_vars, _is_script_function)


def _failed_import(modname: str) -> nodes.Module:
    if (module := stub_module(modname)) is None:
        raise astroid.AstroidBuildingError(modname=modname)
    return module


def replaced_modules() -> list[str]:
    """The ``tvmscript`` modules the stubs describe (not the package itself)."""
    root = _STUBS / _ROOTS["tvmscript"]
    names = []
    for path in sorted(root.rglob("*.pyi")):
        parts = path.relative_to(root).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        if parts:
            names.append(".".join(("tvmscript", *parts)))
    return names


def stub_path(modname: str) -> Path | None:
    """The ``.pyi`` of ``modname`` among the stubs (``tvm.script.tirx`` -> ``tvm-stubs/...``)."""
    root, _, rest = modname.partition(".")
    if root not in _ROOTS:
        return None
    base = _STUBS / _ROOTS[root] / Path(*rest.split(".")) if rest else _STUBS / _ROOTS[root]
    for candidate in (base / "__init__.pyi", base.with_suffix(".pyi")):
        if candidate.is_file():
            return candidate
    return None


@cache
def stub_module(modname: str) -> nodes.Module | None:
    """``modname`` built from its stub, bodies returning their annotated class (or None)."""
    if (path := stub_path(modname)) is None:
        return None
    source = inferable(path.read_text(encoding="utf-8"))
    module = AstroidBuilder(astroid.MANAGER).string_build(source, modname, str(path))
    module.package = path.name == "__init__.pyi"
    # A module not built from a `.py` is taken for a C extension: its members unchecked
    # (`no-member`). These stubs are complete, so they are taken as Python source.
    module.file = str(path.with_suffix(".py"))
    return module


def inferable(stub: str) -> str:
    """Stub source with each empty body returning an instance of its annotated class.

    ``def exp(x: Operand) -> _ir.PrimExpr: ...`` becomes ``... return _ir.PrimExpr()``;
    returns that are unions, tuples, callables or ``Any`` raise instead (nothing inferred).
    """
    tree = ast.parse(stub)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and _is_empty(node.body):
            doc = node.body[:1] if ast.get_docstring(node) is not None else []
            node.body = [*doc, _returning(node.returns)]
    tree.body = [_submodule_import(stmt) for stmt in tree.body]
    return ast.unparse(tree)


def _submodule_import(stmt: ast.stmt) -> ast.stmt:
    """``from tvmscript.tir import axis as axis`` as ``import tvmscript.tir.axis as axis``.

    astroid reads the former, in the stub of ``tvmscript.tir`` itself, as an import of the
    real package's attribute; a sub-namespace is a stub module of its own.
    """
    match stmt:
        case ast.ImportFrom(module=str() as module, names=[ast.alias(name=name)], level=0) if (
            stub_path(f"{module}.{name}") is not None
        ):
            return ast.Import([ast.alias(f"{module}.{name}", stmt.names[0].asname or name)])
    return stmt


def _is_empty(body: list[ast.stmt]) -> bool:
    return all(isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) for s in body)


def _returning(annotation: ast.expr | None) -> ast.stmt:
    target = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    if isinstance(target, ast.Name | ast.Attribute) and ast.unparse(target) not in _OPAQUE:
        return ast.Return(ast.Call(target, [], []))
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return ast.Return(ast.Constant(None))
    return ast.Raise(ast.Call(ast.Name("NotImplementedError"), [], []))


_OPAQUE: Final = frozenset(
    {"Any", "_Any", "Callable", "_Callable", "tuple", "Self", "type", "_Result", "object"}
)


# -- TVMScript definitions of the file being checked -------------------------------------------


def _names(module: nodes.Module) -> dict[str, str]:
    froms: list[tuple[str, str, str | None]] = []
    plain: list[tuple[str, str | None]] = []
    for node in module.body:
        if isinstance(node, nodes.ImportFrom) and not node.level and node.modname:
            froms += [(node.modname, name, asname) for name, asname in node.names]
        elif isinstance(node, nodes.Import):
            plain += list(node.names)
    return imported_names(froms, plain)


def _kind(decorators: nodes.Decorators | None, table: dict[str, str]) -> str | None:
    if decorators is None:
        return None
    names = _names(decorators.root())
    for deco in decorators.nodes:
        target = deco.func if isinstance(deco, nodes.Call) else deco
        if (full := resolve(target.as_string(), names)) is not None and full in table:
            return table[full]
    return None


def _is_ir_module(node: nodes.ClassDef) -> bool:
    return _kind(node.decorators, CLASS_DECORATORS) is not None


def _ir_module_class(node: nodes.ClassDef) -> None:
    """The functions of an ``@I.ir_module`` class take no ``self``: they are static."""
    for item in node.body:
        if isinstance(item, nodes.FunctionDef):
            item.type = "staticmethod"  # overrides astroid's cached property


def _is_script_function(node: nodes.FunctionDef) -> bool:
    if _kind(node.decorators, FUNCTION_DECORATORS) is not None:
        return True
    return isinstance(node.parent, nodes.ClassDef) and _is_ir_module(node.parent)


def _script_signature(node: nodes.FunctionDef) -> None:
    """Bare symbolic dimensions of the signature read as their strings (``n`` -> ``"n"``)."""
    annotations = [a for a in (*node.args.annotations, node.returns) if a is not None]
    symbolic = _string_dims(annotations) | _body_vars(node)
    for annotation in annotations:
        for name in list(annotation.nodes_of_class(nodes.Name)):
            scope, found = name.lookup(name.name)
            if name.name in symbolic and (not found or scope is node):
                _replace(name, nodes.Const(name.name, name.lineno, name.col_offset, name.parent))


def _unread_loop_vars(node: nodes.FunctionDef) -> None:
    """A loop variable the body never reads still declares its loop: no ``unused-variable``.

    Taken out of the function's locals only when every binding of the name is a loop target.
    """
    read = {name.name for name in node.nodes_of_class(nodes.Name)}
    for name, bindings in list(node.locals.items()):
        if name not in read and all(_is_loop_target(b) for b in bindings):
            del node.locals[name]


def _is_loop_target(binding: nodes.NodeNG) -> bool:
    parent = binding.parent
    while isinstance(parent, nodes.Tuple | nodes.List):
        binding, parent = parent, parent.parent
    return isinstance(parent, nodes.For) and parent.target is binding


def _string_dims(annotations: list[nodes.NodeNG]) -> frozenset[str]:
    return frozenset(
        c.value
        for a in annotations
        for c in a.nodes_of_class(nodes.Const)
        if isinstance(c.value, str) and c.value.isidentifier()
    )


def _body_vars(node: nodes.FunctionDef) -> frozenset[str]:
    """``n = T.int32()`` in the body: TVM declares a symbolic dimension after its first use."""
    found = set()
    for stmt in node.body:
        match stmt:
            case nodes.Assign(targets=[nodes.AssignName(name=name)], value=nodes.Call(args=[])):
                found.add(name)
    return frozenset(found)


def _replace(old: nodes.NodeNG, new: nodes.NodeNG) -> None:
    parent = old.parent
    for field in parent._astroid_fields:
        value = getattr(parent, field)
        if value is old:
            setattr(parent, field, new)
            return
        if isinstance(value, list) and old in value:
            value[value.index(old)] = new
            return
