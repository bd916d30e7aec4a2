"""Relax-to-TIR transforms: `legalize` lowers Relax operator calls to PrimFuncs."""

from __future__ import annotations

from tvmscript.transform.errors import LegalizeError
from tvmscript.transform.legalize import legalize

__all__ = ["LegalizeError", "legalize"]
