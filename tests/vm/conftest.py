"""Helpers of the Relax VM tests: Relax modules from inline text, compiled once each."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import numpy as np

import tvmscript
from tests.conftest import script
from tvmscript.core.ir.module import IRModule
from tvmscript.runtime.vm import VMExecutable

DATA: Final = Path(__file__).resolve().parent / "data"
HEADER: Final = "from tvmscript import ir as I, relax as R, tir as T\n"

Array = np.ndarray[Any, Any]


def relax_module(text: str) -> IRModule:
    """The module of an inline snippet (dedented; the imports are added)."""
    mod = tvmscript.from_source(HEADER + script(text))
    assert isinstance(mod, IRModule)
    return mod


def compile_relax(text: str) -> VMExecutable:
    """The VM executable of an inline Relax module."""
    ex = tvmscript.compile(relax_module(text))
    assert isinstance(ex, VMExecutable)
    return ex


def rand(*shape: int, seed: int = 0, dtype: str = "float32") -> Array:
    """Seeded standard-normal values."""
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)
