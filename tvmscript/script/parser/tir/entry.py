"""The TIR decorators: ``@T.prim_func``, ``@T.macro``, ``@T.inline`` and ``@T.jit``.

On a real Python definition they read its source (`source_decorator`) and parse it; in a file
the parser reads, they are recognised by identity (`decorators`) and never called.
"""

from __future__ import annotations

from typing import Any


def prim_func(
    func: Any = None,
    private: bool = False,
    check_well_formed: bool = True,
    s_tir: bool = False,
    persistent: bool = False,
) -> Any:
    """Parse the decorated function's source into a `PrimFunc`."""
    from tvmscript.script.parser.source_decorator import in_class_body, parse_decorated

    del check_well_formed, private, s_tir, persistent  # read from the decorator's source text
    if in_class_body():  # a method of an @I.ir_module class: the module parses it
        return func if func is not None else (lambda f: f)
    if func is None:
        return lambda f: parse_decorated(f, "prim_func")
    return parse_decorated(func, "prim_func")


def macro(*args: Any, hygienic: bool = True) -> Any:
    """A reusable TVMScript fragment, expanded where it is called."""
    from tvmscript.script.parser.source_decorator import parse_macro

    if not args:
        return lambda f: parse_macro(f, hygienic)
    return parse_macro(args[0], hygienic)


def inline(*args: Any, definition_depth: int | None = None, defining_var_table: Any = None) -> Any:
    """A fragment expanded where it is called, reading the caller's names as Python does."""
    from tvmscript.script.parser.source_decorator import parse_macro

    del definition_depth, defining_var_table
    if not args:
        return lambda f: parse_macro(f, True)
    return parse_macro(args[0], True)


def jit(
    func: Any = None,
    private: bool = False,
    check_well_formed: bool = True,
    is_stir: bool = False,
    persistent: bool = False,
) -> Any:
    """A kernel with ``T.constexpr`` parameters, parsed by ``.specialize(name=value, ...)``."""
    from tvmscript.script.parser.source_decorator import parse_jit

    del check_well_formed, private, is_stir, persistent  # read from the decorator's source
    if func is None:
        return parse_jit
    return parse_jit(func)
