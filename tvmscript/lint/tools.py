"""Running mypy, pylint and pyright with the TVMScript plugins and stubs; their messages.

Each runner returns the tool's messages as `Message` (the lines the tool printed for it,
kept verbatim) and a summary writer, so that `tvmscript.lint` can drop the false ones and
print the rest in the tool's own format.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

_MYPY_LINE: Final = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?:\d+:)? (?P<sev>error|note|warning): "
)
_MYPY_CODE: Final = re.compile(r"\s\[(?P<code>[a-z0-9-]+)\]$")
_PYLINT_BITS: Final = {"fatal": 1, "error": 2, "warning": 4, "refactor": 8, "convention": 16}


class ToolMissing(Exception):
    """A tool (or the stubs) is not installed; the message says how to get it."""


@dataclass
class Message:
    """One message of a tool: where, its code, and the lines the tool printed for it."""

    tool: str
    path: str
    line: int
    code: str
    lines: list[str]
    severity: str = "error"
    module: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Report:
    """What one tool said: its messages, and how many files it checked."""

    tool: str
    messages: list[Message] = field(default_factory=list)
    checked: int = 0
    crashed: str = ""


def stubs_root() -> Path:
    """The directory holding ``tvmscript-stubs/``, ``tvm-stubs/`` and ``tvmscript_stubs/``.

    The installed ``tvmscript-stubs`` distribution, else the ``stubs/`` of a source checkout
    (which is then put on ``sys.path`` for the plugins).
    """
    spec = importlib.util.find_spec("tvmscript_stubs")
    if spec is not None and spec.origin is not None:
        return Path(spec.origin).resolve().parent.parent
    checkout = Path(__file__).resolve().parents[2] / "stubs"
    if (checkout / "tvmscript_stubs" / "__init__.py").is_file():
        sys.path.insert(0, str(checkout))
        return checkout
    raise ToolMissing(
        "the tvmscript-stubs distribution is not installed: pip install tvmscript-stubs"
    )


def _stub_path(root: Path) -> Path:
    """A directory where ``tvmscript`` and ``tvm`` are the stub packages (for MYPYPATH)."""
    where = Path(tempfile.gettempdir()) / f"tvmscript-lint-{os.getuid()}" / "path"
    where.mkdir(parents=True, exist_ok=True)
    for name, package in (("tvmscript", "tvmscript-stubs"), ("tvm", "tvm-stubs")):
        link = where / name
        if not (link.is_symlink() and link.resolve() == (root / package).resolve()):
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(root / package, target_is_directory=True)
    return where


def run_mypy(paths: Sequence[str]) -> Report:
    """``mypy --strict`` with the plugin and the stubs, through ``mypy.api``."""
    try:
        from mypy import api
    except ImportError as exc:
        raise ToolMissing("mypy is not installed: pip install mypy") from exc
    root = stubs_root()
    config = _stub_path(root).parent / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\nplugins = tvmscript_stubs.mypy\n", encoding="utf-8")
    env_before = os.environ.get("MYPYPATH")
    os.environ["MYPYPATH"] = os.pathsep.join(p for p in (str(_stub_path(root)), env_before) if p)
    try:
        out, err, status = api.run(["--config-file", str(config), "--no-pretty", *paths])
    finally:
        if env_before is None:
            os.environ.pop("MYPYPATH", None)
        else:
            os.environ["MYPYPATH"] = env_before
    report = Report("mypy", crashed=err if status == 2 else "")
    for raw in out.splitlines():
        if (match := _MYPY_LINE.match(raw)) is None:
            checked = re.search(r"(?:checked|in) (\d+) source files?", raw)
            report.checked = int(checked.group(1)) if checked else report.checked
            continue
        if match["sev"] == "note" and report.messages and report.messages[-1].path == match["path"]:
            report.messages[-1].lines.append(raw)
            continue
        code = _MYPY_CODE.search(raw)
        report.messages.append(
            Message("mypy", match["path"], int(match["line"]), code["code"] if code else "",
                    [raw], match["sev"])
        )  # fmt: skip
    return report


def mypy_summary(report: Report) -> str:
    """Mypy's closing line for the messages kept."""
    errors = [m for m in report.messages if m.severity == "error"]
    if not errors:
        return f"Success: no issues found in {report.checked} source files"
    files = len({m.path for m in errors})
    plural = "s" if len(errors) != 1 else ""
    return (
        f"Found {len(errors)} error{plural} in {files} file{'s' if files != 1 else ''} "
        f"(checked {report.checked} source files)"
    )


def mypy_status(report: Report) -> int:
    """Mypy's exit code for the messages kept."""
    if report.crashed:
        return 2
    return 1 if any(m.severity == "error" for m in report.messages) else 0


def run_pylint(paths: Sequence[str]) -> Report:
    """Pylint with the plugin (E, W and F messages unless the project configures pylint)."""
    try:
        from pylint.config import find_default_config_files
        from pylint.lint import Run
        from pylint.reporters import CollectingReporter
    except ImportError as exc:
        raise ToolMissing("pylint is not installed: pip install pylint") from exc
    stubs_root()
    args = ["--load-plugins=tvmscript_stubs.pylint", "--score=n"]
    if not any(True for _ in find_default_config_files()):
        args.append("--disable=C,R")  # style is the formatter's and the project's to choose
    reporter = CollectingReporter()
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        Run([*args, *paths], reporter=reporter, exit=False)
    report = Report("pylint")
    for msg in reporter.messages:
        line = f"{msg.path}:{msg.line}:{msg.column}: {msg.msg_id}: {msg.msg} ({msg.symbol})"
        report.messages.append(
            Message("pylint", msg.path, msg.line, msg.symbol, [line], msg.category, msg.module)
        )
    return report


def pylint_output(report: Report) -> list[str]:
    """The kept messages as pylint prints them, one ``*** Module`` header per module."""
    out: list[str] = []
    module = None
    for message in report.messages:
        if message.module != module:
            out.append(f"************* Module {message.module}")
            module = message.module
        out += message.lines
    return out


def pylint_status(report: Report) -> int:
    """Pylint's bit-encoded exit status for the messages kept."""
    status = 0
    for message in report.messages:
        status |= _PYLINT_BITS.get(message.severity, 0)
    return status


def run_pyright(paths: Sequence[str]) -> Report:
    """The ``pyright`` command (no plugins: the stubs on its search path), when installed."""
    exe = shutil.which("pyright")
    if exe is None:
        raise ToolMissing("pyright is not installed: pip install pyright (or npm i -g pyright)")
    root = stubs_root()
    # The tvm stubs stand in for a TVM that need not be installed: no "source missing" warning.
    config = {
        "extraPaths": [str(_stub_path(root))],
        "typeCheckingMode": "standard",
        "reportMissingModuleSource": "none",
    }
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "pyrightconfig.json"
        project.write_text(json.dumps(config), encoding="utf-8")
        done = subprocess.run(
            [exe, "--outputjson", "--project", str(project), *map(os.path.abspath, paths)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        return Report("pyright", crashed=done.stderr or done.stdout)
    report = Report("pyright", checked=int(data.get("summary", {}).get("filesAnalyzed", 0)))
    for diag in data.get("generalDiagnostics", []):
        start = diag["range"]["start"]
        path, line, col = diag["file"], start["line"] + 1, start["character"] + 1
        rule = diag.get("rule", "")
        text = f"  {path}:{line}:{col} - {diag['severity']}: {diag['message']}"
        text += f" ({rule})" if rule else ""
        report.messages.append(Message("pyright", path, line, rule, [text], diag["severity"]))
    return report


def pyright_summary(report: Report) -> str:
    """Pyright's closing line for the messages kept."""
    counts = {s: sum(m.severity == s for m in report.messages) for s in ("error", "warning")}
    infos = len(report.messages) - counts["error"] - counts["warning"]
    return f"{counts['error']} errors, {counts['warning']} warnings, {infos} informations "


def pyright_status(report: Report) -> int:
    """Pyright's exit code: 1 when an error is kept."""
    return 1 if any(m.severity == "error" for m in report.messages) else 0
