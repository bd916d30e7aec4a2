"""Document formatting: each TVMScript definition replaced by the printer's text for it.

A definition is left alone (with the reason) when it has errors, when the printer would drop
one of its comments, or when the printed text does not parse back to a structurally equal IR.
"""

from __future__ import annotations

import io
import tokenize
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tvmscript import DiagnosticError, from_source
from tvmscript.ir.structural import structural_equal
from tvmscript_server.definitions import definition_source
from tvmscript_server.outline import Outline, TopLevel, outline


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace lines ``start`` to ``end`` (0-based, end exclusive) by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A definition left as written, and why."""

    name: str
    line: int
    reason: str


def format_source(text: str) -> tuple[list[Replacement], list[Skipped]]:
    """The replacements that format ``text``, and the definitions left as they are."""
    doc = outline(text)
    replacements: list[Replacement] = []
    skipped: list[Skipped] = []
    for definition in doc.definitions:
        result = format_definition(doc, definition)
        if isinstance(result, str):
            skipped.append(Skipped(definition.symbol.name, definition.start, result))
        elif result is not None:
            replacements.append(result)
    return replacements, skipped


def format_definition(doc: Outline, definition: TopLevel) -> Replacement | str | None:
    """The replacement for ``definition``, None when it is already formatted, else why not."""
    original = definition.text(doc.lines)
    source, _ = definition_source(doc, definition)
    prelude = source[: len(source) - len(original)]
    try:
        ir = from_source(source)
    except DiagnosticError:
        return "it has errors"
    printed = _definition_part(ir.script())
    if printed == original:
        return None
    if lost := _comments(original) - _comments(printed):
        return f"the printer would drop the comment {next(iter(lost))!r} (not supported yet)"
    try:
        again: Any = from_source(prelude + printed)
    except DiagnosticError as exc:
        return f"the printed text does not parse: {exc.diagnostics[0].message}"
    if not structural_equal(ir, again):
        return "the printed text parses to a different IR"
    return Replacement(definition.start, definition.end, printed)


def apply(text: str, replacements: list[Replacement]) -> str:
    """``text`` with ``replacements`` (sorted, non-overlapping) applied; for tests and the CLI."""
    lines = text.split("\n")
    for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
        lines[replacement.start : replacement.end] = replacement.text.removesuffix("\n").split("\n")
    return "\n".join(lines)


def _definition_part(printed: str) -> str:
    """The printer's text without its header (comment imports) and trailing notes."""
    lines = printed.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("@")), 0)
    end = len(lines)
    while end > start + 1 and lines[end - 1].strip()[:1] in ("", "#"):
        end -= 1
    return "\n".join(lines[start:end]) + "\n"


def _comments(text: str) -> Counter[str]:
    """The comments of ``text`` (a multiset, so a dropped duplicate counts)."""
    found: Counter[str] = Counter()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                found[token.string.strip()] += 1
    except (tokenize.TokenError, SyntaxError):
        found["<untokenizable>"] += 1
    return found
