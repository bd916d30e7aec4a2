"""A feature handler that fails logs its exception and answers None: the server never dies."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def never_crash(handler: Callable[P, R | None]) -> Callable[P, R | None]:
    """``handler``, answering None (and logging the traceback to stderr) when it raises."""

    @wraps(handler)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return handler(*args, **kwargs)
        except Exception:
            logger.exception("%s failed", handler.__name__)
            return None

    return guarded
