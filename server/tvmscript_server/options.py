"""The server's options, from the client's ``initializationOptions``.

The shape the VS Code extension sends (and Neovim's ``init_options`` may)::

    {"target": "llvm" | {"kind": "cuda", ...} | null,
     "diagnostics": {"enabled": true, "buildWarnings": true, "ignore": ["code", ...]},
     "inlayHints": {"enabled": true}}

Every key is optional; a value of the wrong type is ignored with a message naming it, never
an error. ``target`` is the default of the build checks and ``tvmscript.showLLVM`` for files
whose project (``[tool.tvmscript] target``) and functions name none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tvmscript import Diagnostic

_BUILD_PREFIXES = ("build-", "gpu-")


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """What the client asked for; the defaults serve everything."""

    target: str | Mapping[str, Any] | None = None
    diagnostics: bool = True
    build_warnings: bool = True
    ignore: frozenset[str] = field(default_factory=frozenset)
    inlay_hints: bool = True

    def keeps(self, diagnostic: Diagnostic) -> bool:
        """Whether ``diagnostic`` is sent to the client."""
        if not self.diagnostics or diagnostic.code in self.ignore:
            return False
        return self.build_warnings or not diagnostic.code.startswith(_BUILD_PREFIXES)


def parse_options(raw: object) -> tuple[ServerOptions, list[str]]:
    """The options in ``raw`` (``initializationOptions``), and a message per ignored value."""
    problems: list[str] = []
    if raw is None:
        return ServerOptions(), problems
    if not isinstance(raw, Mapping):
        return ServerOptions(), [f"initializationOptions: expected an object, got {raw!r}"]

    def flag(section: object, key: str, where: str) -> bool:
        if not isinstance(section, Mapping) or key not in section:
            return True
        value = section[key]
        if isinstance(value, bool):
            return value
        problems.append(f"initializationOptions.{where}: expected true or false, got {value!r}")
        return True

    target = raw.get("target")
    if target is not None and not (isinstance(target, str | Mapping) and target):
        problems.append(f"initializationOptions.target: expected a target, got {target!r}")
        target = None
    diagnostics = raw.get("diagnostics")
    ignore = diagnostics.get("ignore", []) if isinstance(diagnostics, Mapping) else []
    if not isinstance(ignore, list) or not all(isinstance(c, str) for c in ignore):
        problems.append(f"initializationOptions.diagnostics.ignore: expected codes, got {ignore!r}")
        ignore = []
    options = ServerOptions(
        target=target or None,
        diagnostics=flag(diagnostics, "enabled", "diagnostics.enabled"),
        build_warnings=flag(diagnostics, "buildWarnings", "diagnostics.buildWarnings"),
        ignore=frozenset(ignore),
        inlay_hints=flag(raw.get("inlayHints"), "enabled", "inlayHints.enabled"),
    )
    return options, problems
