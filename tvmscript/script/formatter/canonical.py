"""``--canonical``: each TVMScript definition replaced by the printer's text for it (TVM's form).

Each definition is parsed (with the file's imports and module constants above it) and printed
with its source comments (`extract_comments`, ``print_script(obj, comments=...)``), so comments
above, after, inside and at the end of bodies are kept. A definition is left as written, with
the reason, when it has errors, when the printed text would lose one of its comments, or when
the printed text does not parse back to a structurally equal IR. Rewriting is idempotent.

Where comments go (`tvmscript.script.comments`): above the statement they precede
(comments on lines that print no statement, such as ``T.reads``, move down to the next one); a
comment after a simple statement stays after it, one after a compound statement's header
(``for``, ``with``, ``def``) moves above its first body statement; comments after the last
statement of a nested body move to the end of the function's body; in a module (printed sorted
by name, as TVM does) comments above a function stay above it. A bare ``#`` stays too.
A module keeps its class name (TVM prints every module as ``class Module``).
"""

from __future__ import annotations

import io
import tokenize
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from tvmscript.core.ir.structural import structural_equal
from tvmscript.diagnostics import DiagnosticError
from tvmscript.script.comments import extract_comments
from tvmscript.script.formatter.edits import Replacement
from tvmscript.script.outline import Outline, TopLevel
from tvmscript.script.parser.api import from_source

# A comment that is not the source's to keep: the printer writes it itself where it applies.
_PRINTER_COMMENTS: Final = frozenset({'with T.sblock("root"):'})
_ROOT_COMMENT: Final = '# with T.sblock("root"):'


def canonical_definition(doc: Outline, definition: TopLevel) -> Replacement | str | None:
    """The printer's text for ``definition``: None when it is that already, else why not."""
    original = definition.text(doc.lines)
    result = _canonical(doc.prelude_before(definition.start), original, definition.symbol.name)
    if result is None or isinstance(result, Skip):
        return result.describe(definition.start) if result is not None else None
    return Replacement(definition.start, definition.end, result)


@dataclass(frozen=True, slots=True)
class Skip:
    """Why a definition is not rewritten (``at``: 1-based line and column in the definition)."""

    reason: str
    at: tuple[int, int] | None = None

    def describe(self, start: int) -> str:
        """The reason, with the file position when ``start`` is the definition's 0-based line."""
        if self.at is None:
            return self.reason
        return f"{self.reason} (line {start + self.at[0]}, column {self.at[1]})"


@lru_cache(maxsize=512)
def _canonical(prelude: str, original: str, name: str) -> str | Skip | None:
    """The printed text of ``original`` (None when unchanged); cached for repeated requests."""
    source = prelude + original
    try:
        ir = from_source(source)
    except DiagnosticError as exc:
        if not exc.diagnostics:
            return Skip("it has errors")
        first = exc.diagnostics[0]
        line = first.line - prelude.count("\n")
        return Skip(f"it has errors: {first.message}", (line, first.column) if line > 0 else None)
    # Without a comment of its own there is nothing to keep (and nothing to tokenize).
    commented = original.count("#") > original.count(_ROOT_COMMENT)
    printed = _definition_part(ir.script(comments=extract_comments(source) if commented else None))
    printed = printed.replace("\nclass Module:", f"\nclass {name}:", 1)
    if printed == original:
        return None
    if commented and (lost := _comments(original) - _comments(printed)):
        comment = next(iter(lost))
        return Skip(f"the printer would drop the comment '# {comment}'")
    try:
        again: Any = from_source(prelude + printed)
    except DiagnosticError as exc:
        return Skip(f"the printed text does not parse: {exc.diagnostics[0].message}")
    if not structural_equal(ir, again):
        return Skip("the printed text parses to a different IR")
    return printed


def _definition_part(printed: str) -> str:
    """The printer's text without its header (comment imports) and trailing notes."""
    lines = printed.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("@")), 0)
    end = len(lines)
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    while end > start + 1 and lines[end - 1].startswith("#"):  # notes after the definition
        end -= 1
    return "\n".join(lines[start:end]) + "\n"


def _comments(text: str) -> Counter[str]:
    """The comments of ``text`` (a multiset, so a dropped duplicate counts)."""
    found: Counter[str] = Counter()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                body = token.string[1:].strip()  # the printer writes `# body`
                if body not in _PRINTER_COMMENTS:
                    found[body] += 1
    except (tokenize.TokenError, SyntaxError):
        found["<untokenizable>"] += 1
    return found
