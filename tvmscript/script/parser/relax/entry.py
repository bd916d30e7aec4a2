"""The ``@R.function`` decorator (Relax parsing is a later issue)."""

from __future__ import annotations

from typing import Any


def function(
    func: Any = None, *, pure: bool = True, private: bool = False, check_well_formed: bool = True
) -> Any:
    """Parse the decorated function into a Relax function (not supported yet)."""
    del func, pure, private, check_well_formed
    raise NotImplementedError("Relax functions are not supported yet")
