"""The dialect tokens the parser and the printer both dispatch on."""

from __future__ import annotations

from enum import StrEnum


class Token(StrEnum):
    """A dialect: pushed while parsing or printing its definitions.

    Rules are looked up for the innermost token, then for `DEFAULT` (shared by every dialect).
    """

    DEFAULT = "default"
    TIR = "tir"
    RELAX = "relax"
    IR = "ir"
