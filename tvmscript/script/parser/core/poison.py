"""The error marker: the value of whatever failed to evaluate."""

from __future__ import annotations

from typing import Any, Final


class PoisonType:
    """The value of anything that failed to evaluate: using it reports nothing more."""

    _instance: PoisonType | None = None

    def __new__(cls) -> PoisonType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<error>"

    def __iter__(self) -> Any:
        return iter(())


POISON: Final = PoisonType()
