"""The layout options of a file: its line length and the other settings of ruff or black.

The line length is ``[tool.tvmscript] line-length`` of the nearest ``pyproject.toml``, else that
file's ``[tool.ruff]`` (or a ``ruff.toml`` beside it), else its ``[tool.black]`` one, else 88
(black's and ruff's default). Ruff reads the rest of its own configuration itself (quote style,
indent width, ...); black's two layout switches are passed on to it when ruff has none.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

DEFAULT_LINE_LENGTH: Final = 88
_RUFF_FILES: Final = ("ruff.toml", ".ruff.toml")


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How to lay out the TVMScript definitions of one file."""

    line_length: int = DEFAULT_LINE_LENGTH
    filename: str | None = None
    """The file formatted: ruff looks up its configuration from there (None: ruff's defaults)."""
    ruff_settings: tuple[str, ...] = ()
    """``--config`` overrides for ruff (black's ``skip-string-normalization`` and
    ``skip-magic-trailing-comma`` when the project configures black and not ruff)."""
    source: str | None = None
    """The configuration file the line length comes from."""


def options_for(path: str | Path | None, line_length: int | None = None) -> FormatOptions:
    """The options of the file at ``path`` (``line_length``, when given, wins)."""
    if path is None or not str(path) or "://" in str(path):
        return FormatOptions(line_length or DEFAULT_LINE_LENGTH)
    file = Path(path).absolute()
    found = _find_config(file.parent)
    if found is None:
        return FormatOptions(line_length or DEFAULT_LINE_LENGTH, str(file))
    source, length, settings = found
    return FormatOptions(line_length or length, str(file), settings, str(source))


def _find_config(directory: Path) -> tuple[Path, int, tuple[str, ...]] | None:
    """The nearest configuration that sets a layout: its file, line length, ruff overrides."""
    for folder in (directory, *directory.parents):
        for name in _RUFF_FILES:
            if (ruff_file := folder / name).is_file():
                ruff = _read(ruff_file)
                return ruff_file, _length(ruff) or DEFAULT_LINE_LENGTH, ()
        if (pyproject := folder / "pyproject.toml").is_file():
            tool = _read(pyproject).get("tool", {})
            if not isinstance(tool, dict) or not ({"tvmscript", "ruff", "black"} & tool.keys()):
                continue
            return pyproject, _pyproject_length(tool), _black_settings(tool)
    return None


def _pyproject_length(tool: dict[str, Any]) -> int:
    for section in ("tvmscript", "ruff", "black"):
        if (length := _length(tool.get(section))) is not None:
            return length
    return DEFAULT_LINE_LENGTH


def _black_settings(tool: dict[str, Any]) -> tuple[str, ...]:
    black = tool.get("black")
    if "ruff" in tool or not isinstance(black, dict):
        return ()
    settings = []
    if black.get("skip-string-normalization") or black.get("skip_string_normalization"):
        settings.append("format.quote-style = 'preserve'")
    if black.get("skip-magic-trailing-comma") or black.get("skip_magic_trailing_comma"):
        settings.append("format.skip-magic-trailing-comma = true")
    return tuple(settings)


def _length(section: object) -> int | None:
    if not isinstance(section, dict):
        return None
    value = section.get("line-length", section.get("line_length"))
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _read(path: Path) -> dict[str, Any]:
    """The TOML of ``path``; an unreadable file counts as empty (ruff then says what is wrong)."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
