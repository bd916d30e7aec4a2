"""The IR builder: a per-context stack of frames, each turning what it collected into IR.

Each ``with`` scope of TVMScript (a function, loop, block, branch) is a `Frame`. Entering pushes
it; leaving pops it and, unless the body failed, calls `Frame.finalize`, which hands the
finished IR to the enclosing frame (or to the builder as its result).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Self, TypeVar

from tvmscript.core.ir.span import Span


class BuilderError(Exception):
    """The builder was used outside a scope that allows the call."""


_F = TypeVar("_F", bound=Callable[..., Any])
_IR_METHODS: dict[tuple[type, str], Callable[..., Any]] = {}


def ir_method(cls: type, name: str) -> Callable[[_F], _F]:
    """Make ``fn`` the method ``name`` of IR class ``cls`` in TVMScript (``A.view(...)``).

    Such methods build IR in the current frame, so they belong to the builder, not to the IR
    class: the parser looks them up here before the class's own attributes.
    """

    def register(fn: _F) -> _F:
        if (cls, name) in _IR_METHODS:
            raise RuntimeError(f"two script methods {cls.__name__}.{name}")
        _IR_METHODS[cls, name] = fn
        return fn

    return register


def script_methods(cls: type) -> dict[str, Callable[..., Any]]:
    """The script methods registered on ``cls`` itself, by name (for the stubs)."""
    return {name: fn for (owner, name), fn in _IR_METHODS.items() if owner is cls}


def bound_ir_method(obj: object, name: str) -> Callable[..., Any] | None:
    """The script method ``name`` of ``obj`` bound to it, or None when none is registered."""
    for cls in type(obj).__mro__:
        if (fn := _IR_METHODS.get((cls, name))) is not None:
            return types.MethodType(fn, obj)
    return None


class Frame:
    """One ``with`` scope; subclasses turn what they collected into IR on exit."""

    def __init__(self) -> None:
        self.span: Span | None = None

    def __enter__(self) -> Any:
        IRBuilder.current().push(self)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        builder = IRBuilder.current()
        builder.pop(self)
        if exc_type is None:  # a failed body must not emit half-built IR
            self.finalize(builder)

    def finalize(self, builder: IRBuilder) -> None:
        """Turn this frame's contents into IR and attach it to its parent (or the result)."""


_CURRENT: ContextVar[IRBuilder | None] = ContextVar("tvmscript_ir_builder", default=None)


class IRBuilder:
    """The frame stack and the finished result; one is active per context (``with``)."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.result: Any = None
        self._spans: list[Any] = []  # a Span, None, or a node whose `.span` is computed on use
        self._token: Any = None

    def __enter__(self) -> Self:
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, *_: object) -> None:
        _CURRENT.reset(self._token)

    @staticmethod
    def current() -> IRBuilder:
        """The active builder; a clear error outside ``with IRBuilder():``."""
        if (builder := _CURRENT.get()) is None:
            raise BuilderError("no IRBuilder is active: use `with IRBuilder() as b:`")
        return builder

    @staticmethod
    def is_in_scope() -> bool:
        """Whether a builder is active."""
        return _CURRENT.get() is not None

    def push(self, frame: Frame) -> None:
        """Enter ``frame``; it takes the current span."""
        if frame.span is None:
            frame.span = self.span
        self.frames.append(frame)

    def pop(self, frame: Frame) -> None:
        """Leave ``frame``, which must be the innermost."""
        if not self.frames or self.frames[-1] is not frame:
            raise BuilderError("frames left out of order")
        self.frames.pop()

    def find_frame(self, kind: type[Any]) -> Any:
        """The innermost frame of ``kind``, or None."""
        for frame in reversed(self.frames):
            if isinstance(frame, kind):
                return frame
        return None

    def last_frame(self) -> Frame | None:
        """The innermost frame, or None."""
        return self.frames[-1] if self.frames else None

    def get(self) -> Any:
        """The finished result (after the outermost frame closed)."""
        if self.result is None:
            raise BuilderError("the builder has no finished result")
        return self.result

    @property
    def span(self) -> Span | None:
        """The span of the statement being built (for nodes made now)."""
        if not self._spans:
            return None
        top = self._spans[-1]
        if top is None or isinstance(top, Span):
            return top
        span: Span = top.span  # computed once, on first use
        self._spans[-1] = span
        return span

    def push_span(self, span: Any) -> None:
        """Make ``span`` current (pair with `pop_span`); a node's ``.span`` is read lazily."""
        self._spans.append(span)

    def pop_span(self) -> None:
        """Restore the previous span."""
        self._spans.pop()

    @staticmethod
    def name(name: str, value: Any) -> Any:
        """Give ``value`` (a Var, Buffer, ...) the name it is bound to in the source."""
        from tvmscript.script.ir_builder.naming import rename

        return rename(value, name)
