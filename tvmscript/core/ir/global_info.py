"""Module-level information: virtual devices (``I.vdevice``) and other global infos."""

from __future__ import annotations

from dataclasses import dataclass

from tvmscript.core.ir.node import Node
from tvmscript.core.ir.target import Target


class GlobalInfo(Node):
    """Base of the values of ``I.module_global_infos({"name": [...]})``."""

    __slots__ = ()


@dataclass(frozen=True, slots=True, eq=False)
class VDevice(GlobalInfo):
    """A virtual device: a target, a device id and a memory scope (``I.vdevice("cuda", 0)``)."""

    target: Target
    """The target the device runs (its ``kind`` names the device type)."""
    vdevice_id: int = 0
    """Which device of that kind."""
    memory_scope: str = "global"
    """Where tensors placed on it live."""


@dataclass(frozen=True, slots=True, eq=False)
class DummyGlobalInfo(GlobalInfo):
    """A placeholder global info (``I.dummy_global_info()``)."""
