"""``tvmscript lint``: mypy, pylint and pyright on TVMScript files, minus their false messages.

Each tool runs with the TVMScript plugins and stubs (`tvmscript.lint.tools`); of what it
reports, a message is dropped only when a rule of `tvmscript.lint.rules` says it is false on
TVMScript *and* it sits where our own parser validated the file as TVMScript
(`tvmscript.lint.scope`). The rest is printed as the tool prints it, with its exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tvmscript.lint.rules import OVERLOAD_REASON, drop_reason, follows_dropped
from tvmscript.lint.scope import ScriptScope, script_scope
from tvmscript.lint.tools import (
    Message,
    Report,
    ToolMissing,
    mypy_status,
    mypy_summary,
    pylint_output,
    pylint_status,
    pyright_status,
    pyright_summary,
    run_mypy,
    run_pylint,
    run_pyright,
)

TOOLS = ("mypy", "pylint", "pyright")
_RUNNERS = {"mypy": run_mypy, "pylint": run_pylint, "pyright": run_pyright}


@dataclass(frozen=True, slots=True)
class Dropped:
    """A message dropped, and why (``--explain``)."""

    message: Message
    definition: str
    reason: str


class Scopes:
    """The validated TVMScript of each file, parsed once per run."""

    def __init__(self) -> None:
        self._cache: dict[Path, ScriptScope] = {}

    def of(self, path: str) -> ScriptScope:
        key = Path(path).resolve()
        if key not in self._cache:
            try:
                text = key.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self._cache[key] = ScriptScope()
            else:
                self._cache[key] = script_scope(text, str(key))
        return self._cache[key]


def split(report: Report, scopes: Scopes) -> tuple[Report, list[Dropped]]:
    """The report with its false messages taken out, and those messages."""
    kept = Report(report.tool, checked=report.checked, crashed=report.crashed)
    dropped: list[Dropped] = []
    for message in report.messages:
        found = drop_reason(
            message.tool, message.code, message.line, message.text, scopes.of(message.path)
        )
        if found is None or message.severity == "note":
            kept.messages.append(message)
        else:
            dropped.append(Dropped(message, *found))
    # A call's "no overload matches" goes with the argument message that said why, when false.
    argued = {
        (d.message.path, d.message.line): d.definition
        for d in dropped
        if d.message.code == "reportArgumentType"
    }
    still: list[Message] = []
    for message in kept.messages:
        where = argued.get((message.path, message.line))
        if where is not None and follows_dropped(message.tool, message.code, message.text):
            dropped.append(Dropped(message, where, OVERLOAD_REASON))
        else:
            still.append(message)
    kept.messages = still
    return kept, dropped


def lint(
    paths: Sequence[str], tools: Sequence[str], *, explain: bool = False, out: TextIO | None = None
) -> int:
    """Run ``tools`` on ``paths``; print what is kept; the exit code of the first tool failing."""
    out = out if out is not None else sys.stdout
    scopes = Scopes()
    status = 0
    for tool in tools:
        try:
            report = _RUNNERS[tool](paths)
        except ToolMissing as exc:
            print(f"tvmscript lint: {exc}", file=sys.stderr)
            status = status or 2
            continue
        if report.crashed:
            print(report.crashed, file=sys.stderr)
        kept, dropped = split(report, scopes)
        _print(kept, out)
        if explain:
            _explain(tool, dropped, out)
        status = status or _status(kept)
    return status


def _print(report: Report, out: TextIO) -> None:
    if report.tool == "pylint":
        lines = pylint_output(report)
    else:
        lines = [line for m in report.messages for line in m.lines]
    for line in lines:
        print(line, file=out)
    if report.tool == "mypy":
        print(mypy_summary(report), file=out)
    elif report.tool == "pyright":
        print(pyright_summary(report), file=out)


def _explain(tool: str, dropped: list[Dropped], out: TextIO) -> None:
    print(f"tvmscript lint: dropped {len(dropped)} {tool} message(s) false on TVMScript", file=out)
    for item in dropped:
        head = item.message.lines[0].strip()
        print(f"  {head}\n    in '{item.definition}': {item.reason}", file=out)


def _status(report: Report) -> int:
    if report.tool == "mypy":
        return mypy_status(report)
    if report.tool == "pylint":
        return pylint_status(report)
    return pyright_status(report)
