"""Formatting the TVMScript definitions of a Python file (``tvmscript fmt``, the server's).

Two modes, both of the definitions only (first decorator to last statement; module code, other
functions and comments outside definitions stay byte for byte):

- layout (the default, `tvmscript.script.formatter.layout`): black's layout, by ruff's
  formatter. Names, expressions, docstrings, comments and the user's forms stay as written; lines
  wrap at the configured length (`options_for`). ``ruff format`` and ``black`` leave the result
  as it is, and it leaves theirs.
- canonical (``--canonical``, `tvmscript.script.formatter.canonical`): each definition
  rewritten as TVM prints it (the printer), comments kept.

Either mode leaves a definition as written, saying why, when the result would not mean the same
program. Formatting is idempotent. The unit is the whole definition: formatting a range formats
every definition the range touches.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Sequence
from functools import lru_cache

from tvmscript.script.formatter.edits import Replacement, Skipped, apply
from tvmscript.script.formatter.layout import layout_definitions
from tvmscript.script.formatter.options import DEFAULT_LINE_LENGTH, FormatOptions, options_for
from tvmscript.script.outline import TopLevel, outline

__all__ = [
    "DEFAULT_LINE_LENGTH",
    "FormatOptions",
    "Replacement",
    "Skipped",
    "apply",
    "format_source",
    "format_text",
    "options_for",
]


def format_source(
    text: str,
    ranges: Sequence[tuple[int, int]] | None = None,
    *,
    canonical: bool = False,
    options: FormatOptions | None = None,
) -> tuple[list[Replacement], list[Skipped]]:
    """The replacements that format ``text``, and the definitions left as they are.

    With ``ranges`` (0-based lines, inclusive), only the definitions that touch them.
    """
    doc = outline(text)
    chosen = [d for d in doc.definitions if ranges is None or _touches(d, ranges)]
    chosen, refused = _clear_of_syntax_error(text, doc.definitions, chosen)
    if not canonical:
        replaced, left = layout_definitions(doc, chosen, options or FormatOptions())
        return replaced, refused + left
    from tvmscript.script.formatter.canonical import canonical_definition  # loads the parser

    replacements: list[Replacement] = []
    skipped: list[Skipped] = refused
    for definition in chosen:
        result = canonical_definition(doc, definition)
        if isinstance(result, str):
            skipped.append(Skipped(definition.symbol.name, definition.start, result))
        elif result is not None:
            replacements.append(result)
    return replacements, skipped


def format_text(
    text: str, *, canonical: bool = False, options: FormatOptions | None = None
) -> tuple[str, list[Skipped]]:
    """``text`` formatted, and the definitions left as they are."""
    replacements, skipped = format_source(text, canonical=canonical, options=options)
    return apply(text, replacements), skipped


def _clear_of_syntax_error(
    text: str, definitions: Sequence[TopLevel], chosen: list[TopLevel]
) -> tuple[list[TopLevel], list[Skipped]]:
    """``chosen`` less a definition followed by the file's syntax error, and those refused.

    A line the user is typing at column 0 (`vj]`) ends a definition for the outline, which then
    parses alone: formatting it would rewrite the code around the half-typed edit.
    """
    lines = text.split("\n")
    starts = sorted(d.start for d in definitions)
    ends = {d.start: next((s for s in starts if s > d.start), len(lines)) for d in chosen}
    if not any(_code_in(lines[d.end : ends[d.start]]) for d in chosen):
        return chosen, []  # nothing but blank lines and comments after them: no parse needed
    error = _syntax_error(text)
    if error is None:
        return chosen, []
    line, message = error
    kept: list[TopLevel] = []
    refused: list[Skipped] = []
    for definition in chosen:
        if definition.end <= line < ends[definition.start]:
            reason = f"the file is not valid Python after it: {message} (line {line + 1})"
            refused.append(Skipped(definition.symbol.name, definition.start, reason))
        else:
            kept.append(definition)
    return kept, refused


def _code_in(lines: list[str]) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines)


@lru_cache(maxsize=8)
def _syntax_error(text: str) -> tuple[int, str] | None:
    """The 0-based line and message of ``text``'s first syntax error, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError as exc:
        return (exc.lineno or 1) - 1, exc.msg
    except ValueError as exc:  # null bytes
        return 0, str(exc)
    return None


def _touches(definition: TopLevel, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(definition.start <= last and first < definition.end for first, last in ranges)
