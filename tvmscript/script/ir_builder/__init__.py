"""The IR builder: frame stack and the dialects' builder functions."""

from tvmscript.script.ir_builder.base import BuilderError, Frame, IRBuilder

__all__ = ["BuilderError", "Frame", "IRBuilder"]
