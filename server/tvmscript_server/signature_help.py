"""Signature help inside a ``T.*``/``I.*``/``R.*`` call: the signature and the active parameter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from tvmscript.script.outline import outline
from tvmscript_server.completion import in_string_or_comment
from tvmscript_server.hover import dialect_aliases
from tvmscript_server.stub_index import Member, StubIndex

_CALLEE: Final = re.compile(r"([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*$")
_KEYWORD: Final = re.compile(r"^\s*([A-Za-z_]\w*)\s*=(?!=)")
_MAX_LINES: Final = 30  # how far up an open call is looked for
_ARG_DOC: Final = re.compile(r"^\s{4}(\*{0,2}\w+)(?:\s*\([^)]*\))?:\s*(.*)$")


@dataclass(frozen=True, slots=True)
class SignatureAt:
    """The called member, the index of the active parameter (None: past the last one)."""

    member: Member
    active: int | None
    param_docs: dict[str, str]


def signature_at(text: str, line: int, column: int, index: StubIndex) -> SignatureAt | None:
    """The signature of the innermost namespace call open at (0-based line, column)."""
    doc = outline(text)
    if not 0 <= line < len(doc.lines) or in_string_or_comment(doc.lines, line, column):
        return None
    first = max(0, line - _MAX_LINES)
    before = "\n".join([*doc.lines[first:line], doc.lines[line][:column]])
    if (open_call := _open_paren(before)) is None:
        return None
    if (callee := _CALLEE.search(before[:open_call])) is None:
        return None
    chain = tuple(part.strip() for part in callee.group(1).split("."))
    if (dialect := dialect_aliases(doc).get(chain[0])) is None:
        return None
    if (member := index.member(dialect, chain[1:])) is None or not member.signature:
        return None
    arguments = _split_arguments(before[open_call + 1 :])
    return SignatureAt(member, active_parameter(member, arguments), parameter_docs(member.doc))


def _open_paren(text: str) -> int | None:
    """The offset of the innermost ``(`` still open at the end of ``text`` (strings skipped)."""
    quote = None
    opens: list[int] = []
    for i, char in enumerate(text):
        if quote is not None:
            quote = None if char == quote else quote
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            opens.append(i if char == "(" else -1)
        elif char in ")]}" and opens:
            opens.pop()
    if not opens or opens[-1] == -1:
        return None  # no call open, or inside a list or subscript
    return opens[-1]


def _split_arguments(text: str) -> list[str]:
    """The arguments typed so far, split at top-level commas (the last one is being typed)."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, None
    for char in text:
        if quote is not None:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    return [*parts, "".join(current)]


def active_parameter(member: Member, arguments: list[str]) -> int | None:
    """The parameter the last argument fills: by keyword, else by position (``*args`` absorbs)."""
    names = [p.name for p in member.params]
    if (keyword := _KEYWORD.match(arguments[-1])) is not None:
        name = keyword.group(1)
        return names.index(name) if name in names else None
    if any(_KEYWORD.match(argument) for argument in arguments[:-1]):
        return None  # a positional argument after a keyword one: no parameter
    position = len(arguments) - 1
    for k, param in enumerate(member.params):
        if param.kind == "VAR_POSITIONAL" and position >= k:
            return k
        if param.kind in ("KEYWORD_ONLY", "VAR_KEYWORD"):
            return None if position >= k else position
    return position if position < len(member.params) else None


def parameter_docs(doc: str) -> dict[str, str]:
    """Parameter descriptions from a Google-style ``Args:`` section."""
    found: dict[str, str] = {}
    in_args = False
    last = None
    for line in doc.split("\n"):
        if line.strip() in ("Args:", "Arguments:", "Parameters:"):
            in_args = True
            continue
        if not in_args:
            continue
        if line and not line.startswith(" "):
            break
        if (entry := _ARG_DOC.match(line)) is not None:
            last = entry.group(1).lstrip("*")
            found[last] = entry.group(2).strip()
        elif last is not None and line.strip():
            found[last] += " " + line.strip()
    return found
