"""The ``@R.function`` and ``@R.macro`` decorators (parse the decorated source)."""

from __future__ import annotations

from typing import Any


def function(
    f: Any = None, pure: bool = True, private: bool = False, check_well_formed: bool = True
) -> Any:
    """Parse the decorated function's source into a Relax `Function`."""
    from tvmscript.script.parser.source_decorator import in_class_body, parse_decorated

    del pure, private, check_well_formed  # read from the decorator's source text
    if in_class_body():  # a method of an @I.ir_module class: the module parses it
        return f if f is not None else (lambda g: g)
    if f is None:
        return lambda g: parse_decorated(g, "relax_function")
    return parse_decorated(f, "relax_function")


def macro(*args: Any, hygienic: bool = True) -> Any:
    """A reusable Relax fragment, expanded where it is called (``@R.macro``)."""
    from tvmscript.script.parser.source_decorator import parse_macro

    if len(args) > 1:
        raise TypeError("@R.macro takes the decorated function only")
    if not args:
        return lambda f: parse_macro(f, hygienic)
    return parse_macro(args[0], hygienic)
