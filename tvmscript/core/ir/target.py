"""Compilation targets: ``T.target("llvm")``, ``T.target({"kind": "cuda", ...})``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tvmscript.core.ir.node import Node


@dataclass(frozen=True, slots=True, eq=False)
class Target(Node):
    """A compilation target, kept as its configuration (``T.target({"kind": "llvm"})``)."""

    config: Mapping[str, Any] = field(default_factory=dict)
    """The target's attributes (``kind``, ``keys``, ``mcpu``, ...) in the order given."""
    host: Target | None = None
    """The host target of a device target."""

    @property
    def kind(self) -> str:
        return str(self.config.get("kind", ""))

    @staticmethod
    def from_config(
        config: Mapping[str, Any] | str, host: Mapping[str, Any] | str | Target | None = None
    ) -> Target:
        """A `Target` from a configuration dict or a target string such as ``"llvm -mcpu=x"``."""
        cfg = target_config(config)
        host_target = None
        if host is not None:
            host_target = host if isinstance(host, Target) else Target(target_config(host))
        elif "host" in cfg:
            raw = cfg.pop("host")
            host_target = raw if isinstance(raw, Target) else Target(target_config(raw))
        return Target(cfg, host_target)


def target_config(config: object) -> dict[str, Any]:
    """The attribute dict of a target string (``"llvm -mcpu=x"``) or of a config dict."""
    if isinstance(config, str):
        kind, *options = config.split()
        cfg: dict[str, Any] = {"kind": kind}
        for option in options:
            key, _, value = option.lstrip("-").partition("=")
            cfg[key] = value
        return cfg
    if isinstance(config, Mapping):
        return dict(config)
    raise ValueError(f"T.target expects a config dict or a string, got {type(config).__name__!r}")
