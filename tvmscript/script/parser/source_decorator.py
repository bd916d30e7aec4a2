"""Decorators on real Python definitions: read the source (``inspect``) and parse it.

The decorated object's globals and closure give the values of the names it uses (they
were computed by Python when the user's module ran; nothing of the source is executed).
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from typing import Any

from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.parser.core import doc
from tvmscript.script.parser.core.macro import Macro
from tvmscript.script.parser.core.source import Source


def in_class_body(depth: int = 2) -> bool:
    """Whether the decorator's caller (``depth`` frames up) is a class body being run."""
    try:
        frame_locals = sys._getframe(depth).f_locals
    except ValueError:
        return False
    return "__module__" in frame_locals and "__qualname__" in frame_locals


def _source_of(obj: Any) -> tuple[str, str, int]:
    try:
        lines, start = inspect.getsourcelines(obj)
        file = inspect.getsourcefile(obj) or "<unknown>"
    except (OSError, TypeError) as exc:
        raise RuntimeError(
            f"cannot read the source of '{getattr(obj, '__name__', obj)}': {exc}; "
            "use tvmscript.from_source(text) instead"
        ) from exc
    return textwrap.dedent("".join(lines)), file, max(start, 1)


def _names_of(obj: Any) -> dict[str, Any]:
    names: dict[str, Any] = {}
    func = obj
    if inspect.isclass(obj):
        module = inspect.getmodule(obj)
        names.update(vars(module) if module is not None else {})
        return names
    names.update(getattr(func, "__globals__", {}))
    closure = getattr(func, "__closure__", None) or ()
    for name, cell in zip(func.__code__.co_freevars, closure, strict=False):
        try:
            names[name] = cell.cell_contents
        except ValueError:
            continue
    return names


def parse_decorated(obj: Any, kind: str) -> Any:
    """Parse a decorated function or class; raises `DiagnosticError` on errors."""
    from tvmscript.script.parser.api import from_source

    text, file, start = _source_of(obj)
    padded = "\n" * (start - 1) + text  # keep the file's line numbers in diagnostics
    names = {k: v for k, v in _names_of(obj).items() if not k.startswith("__")}
    names.pop(getattr(obj, "__name__", ""), None)
    del kind
    return from_source(padded, extra_vars=names, filename=file)


def parse_macro(func: Any, hygienic: bool) -> Macro:
    """A `Macro` from a decorated Python function."""
    text, file, start = _source_of(func)
    module = ast.parse(text)
    node = doc.to_doc(module.body[0], Source(text, file, line_offset=start - 1))
    if not isinstance(node, doc.FunctionDef):
        raise DiagnosticError.at(node.span, "invalid-argument", "@T.macro decorates a function")
    closure = {k: v for k, v in _names_of(func).items() if not k.startswith("__")}
    return Macro(node, hygienic, closure)


def parse_jit(func: Any) -> Any:
    """The `JitKernel` of a ``@T.jit`` function (checked now, specialized on demand)."""
    from tvmscript.script.parser.api import parse_file

    text, file, start = _source_of(func)
    padded = "\n" * (start - 1) + text
    names = {k: v for k, v in _names_of(func).items() if not k.startswith("__")}
    names.pop(getattr(func, "__name__", ""), None)
    definitions, diagnostics = parse_file(padded, file, extra_vars=names)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise DiagnosticError(errors)
    for definition in definitions:
        if definition.kind == "jit" and definition.name == func.__name__:
            return definition.result
    raise RuntimeError(f"'{func.__name__}' is not a @T.jit kernel")
