"""What formatting gives back: whole-line replacements, and the definitions it left alone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace lines ``start`` to ``end`` (0-based, end exclusive) by ``text``.

    ``text`` is whole lines, each ending in a newline; ``""`` deletes the lines.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A definition left as written, and why."""

    name: str
    line: int
    """0-based line of the definition's first decorator."""
    reason: str


def apply(text: str, replacements: list[Replacement]) -> str:
    """``text`` with ``replacements`` (non-overlapping) applied."""
    lines = text.split("\n")
    for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
        new = replacement.text.removesuffix("\n").split("\n") if replacement.text else []
        lines[replacement.start : replacement.end] = new
    return "\n".join(lines)
