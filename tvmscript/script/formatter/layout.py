"""The default mode: TVMScript definitions laid out as black does, and nothing else changed.

Each definition (with the comment lines directly above its first decorator) goes through
ruff's formatter, all in one run: names, expressions, docstrings, comments and the forms the
user chose stay as written; lines wrap at the configured length, one parameter per line, with
the magic trailing comma. The blank lines around a definition become black's (two, none at
the start or end of the file); module code stays byte for byte. A definition is left as
written, with the reason, when it is not valid Python or its formatted text would be another
program (checked on the syntax trees: `same_program`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tvmscript.script.formatter.edits import Replacement, Skipped
from tvmscript.script.formatter.options import FormatOptions
from tvmscript.script.formatter.ruff_layout import LayoutError, RuffRun
from tvmscript.script.formatter.same_program import parse, same_tree
from tvmscript.script.outline import Outline, TopLevel

# Put before each definition of a batch, to cut ruff's output back into definitions.
_MARK: Final = "# tvmscript-fmt-7f1c2b "
# Formatting switched off for the rest of the text: such a definition is formatted alone.
_DIRECTIVES: Final = ("fmt: off", "fmt:off", "yapf: disable", "yapf:disable")
_TWO_BLANK_LINES: Final = "\n\n"
_CACHE_SIZE: Final = 2048


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a definition keeps its text (``line``: 1-based, in the definition's text)."""

    reason: str
    line: int | None = None


Outcome = str | Refusal
"""A definition's formatted text, or why it has none."""


@dataclass(frozen=True, slots=True)
class _Block:
    """A definition and the comment lines directly above it (lines ``start`` to its end)."""

    definition: TopLevel
    start: int
    text: str


def layout_definitions(
    doc: Outline, chosen: Sequence[TopLevel], options: FormatOptions
) -> tuple[list[Replacement], list[Skipped]]:
    """The replacements that lay out ``chosen`` (definitions of ``doc``), and those refused."""
    blocks = [_block(doc, definition) for definition in chosen]
    outcomes = laid_out([b.text for b in blocks], options)
    starts = {b.start for b in blocks}
    replacements: list[Replacement] = []
    skipped: list[Skipped] = []
    for block, outcome in zip(blocks, outcomes, strict=True):
        definition = block.definition
        if isinstance(outcome, Refusal):
            where = "" if outcome.line is None else f" (line {block.start + outcome.line})"
            reason = outcome.reason + where
            skipped.append(Skipped(definition.symbol.name, definition.start, reason))
            continue
        start, before = _before(doc.lines, block.start)
        end, after = _after(doc.lines, definition.end, starts)
        new = before + outcome + after
        if new != "".join(line + "\n" for line in doc.lines[start:end]):
            replacements.append(Replacement(start, end, new))
    return replacements, skipped


def _block(doc: Outline, definition: TopLevel) -> _Block:
    start = definition.start
    while start > 0 and doc.lines[start - 1][:1] == "#":
        start -= 1
    return _Block(definition, start, "\n".join(doc.lines[start : definition.end]) + "\n")


def _before(lines: list[str], start: int) -> tuple[int, str]:
    """Where the blank lines above line ``start`` begin, and black's blank lines there."""
    above = start
    while above > 0 and not lines[above - 1].strip():
        above -= 1
    return above, _TWO_BLANK_LINES if above > 0 else ""


def _after(lines: list[str], end: int, starts: set[int]) -> tuple[int, str]:
    """Where the blank lines below a definition end, and black's blank lines there.

    The blank lines above another definition being formatted are that one's.
    """
    below = end
    while below < len(lines) and not lines[below].strip():
        below += 1
    if below == len(lines):  # the end of the file: no blank line (the final newline kept)
        return max(end, len(lines) - 1) if lines[-1] == "" else len(lines), ""
    if below in starts:
        return end, ""
    return below, _TWO_BLANK_LINES


_cache: OrderedDict[tuple[str, FormatOptions], Outcome] = OrderedDict()


def forget_layouts() -> None:
    """Forget the remembered outcomes (they depend on ruff's version and nothing else)."""
    _cache.clear()


def laid_out(texts: Sequence[str], options: FormatOptions) -> list[Outcome]:
    """Each of ``texts`` (whole top-level statements) as ruff lays it out, or why not.

    Outcomes are remembered: formatting a file again only runs ruff on what changed.
    """
    found: list[Outcome | None] = [_cache.get((text, options)) for text in texts]
    todo = [i for i, outcome in enumerate(found) if outcome is None]
    alone = [i for i in todo if any(d in texts[i] for d in _DIRECTIVES)]
    batches = [[i for i in todo if i not in alone], *([i] for i in alone)]
    for batch in batches:
        if not batch:
            continue
        outcomes = _format_batch([texts[i] for i in batch], options)
        for i, outcome in zip(batch, outcomes, strict=True):
            found[i] = outcome
            _cache[texts[i], options] = outcome
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return [outcome for outcome in found if outcome is not None]


def _format_batch(texts: list[str], options: FormatOptions) -> list[Outcome]:
    """Ruff once over ``texts``; while it runs, their syntax trees are made."""
    run = RuffRun(_joined(texts), options)
    trees = [parse(text) for text in texts]
    errors = {i: tree for i, tree in enumerate(trees) if isinstance(tree, SyntaxError)}
    outcomes: list[Outcome] = []
    if errors:  # ruff fails on the whole text: again without those
        run.cancel()
        valid = [i for i in range(len(texts)) if i not in errors]
        again = _format_batch([texts[i] for i in valid], options) if valid else []
        done = dict(zip(valid, again, strict=True))
        for i in range(len(texts)):
            if (error := errors.get(i)) is not None:
                outcomes.append(Refusal(f"it is not valid Python: {error.msg}", error.lineno))
            else:
                outcomes.append(done[i])
        return outcomes
    try:
        pieces = _split(run.result(), len(texts))
    except LayoutError as exc:
        return [Refusal(f"ruff could not format it: {exc}")] * len(texts)
    for text, tree, piece in zip(texts, trees, pieces, strict=True):
        assert not isinstance(tree, SyntaxError)
        if piece is None:
            outcomes.append(Refusal("ruff's output could not be matched to the definition"))
        elif piece == text:
            outcomes.append(piece)
        elif isinstance(after := parse(piece), SyntaxError) or not same_tree(tree, after):
            outcomes.append(Refusal("the formatted text parses to a different program"))
        else:
            outcomes.append(piece)
    return outcomes


def _joined(texts: list[str]) -> str:
    return "\n\n".join(f"{_MARK}{k}\n{text}" for k, text in enumerate(texts))


def _split(formatted: str, count: int) -> list[str | None]:
    """Ruff's output cut at the marks, back into ``count`` texts (None: a mark went missing)."""
    pieces: list[list[str]] = []
    numbers: list[int] = []
    for line in formatted.split("\n"):
        if line.startswith(_MARK) and line[len(_MARK) :].isdigit():
            numbers.append(int(line[len(_MARK) :]))
            pieces.append([])
        elif pieces:
            pieces[-1].append(line)
    if numbers != list(range(count)):
        return [None] * count
    return ["\n".join(piece).strip("\n") + "\n" for piece in pieces]
