"""The ``@T.prim_func`` and ``@T.macro`` decorators (parse the decorated source)."""

from __future__ import annotations

from typing import Any


def prim_func(
    func: Any = None,
    *,
    private: bool = False,
    s_tir: bool = False,
    check_well_formed: bool = True,
) -> Any:
    """Parse the decorated function's source into a `PrimFunc`."""
    from tvmscript.script.parser.source_decorator import in_class_body, parse_decorated

    del check_well_formed, private, s_tir  # read from the decorator's source text
    if in_class_body():  # a method of an @I.ir_module class: the module parses it
        return func if func is not None else (lambda f: f)
    if func is None:
        return lambda f: parse_decorated(f, "prim_func")
    return parse_decorated(func, "prim_func")


def macro(func: Any = None, *, hygienic: bool = True) -> Any:
    """A reusable TVMScript fragment, expanded where it is called."""
    from tvmscript.script.parser.source_decorator import parse_macro

    if func is None:
        return lambda f: parse_macro(f, hygienic)
    return parse_macro(func, hygienic)
