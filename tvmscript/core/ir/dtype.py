"""Data types: TVM's dtype strings (``"float32"``, ``"int64x4"``) and their parsed form.

IR nodes store a dtype as its canonical string; `DataType.of` parses (and caches) it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

_SCALAR_CODES: Final = ("int", "uint", "float", "bfloat", "bool", "handle", "void")
LOW_PRECISION_FLOATS: Final = (
    "float8_e3m4",
    "float8_e4m3",
    "float8_e4m3b11fnuz",
    "float8_e4m3fn",
    "float8_e4m3fnuz",
    "float8_e5m2",
    "float8_e5m2fnuz",
    "float8_e8m0fnu",
    "float6_e2m3fn",
    "float6_e3m2fn",
    "float4_e2m1fn",
)
_DTYPE_RE: Final = re.compile(r"^(int|uint|float|bfloat)(\d+)(?:x(\d+))?$")
_SPECIAL_RE: Final = re.compile(r"^(bool|handle|void)(?:x(\d+))?$")
_LOW_FLOAT_RE: Final = re.compile(r"^(float[864]_e\w+?)(?:x(\d+))?$")


class DTypeError(ValueError):
    """A string that does not name a data type."""


class TypeMismatchError(TypeError):
    """Two operands whose dtypes TVM refuses to reconcile."""


@dataclass(frozen=True, slots=True)
class DataType:
    """A parsed dtype: type code, bits per lane and lane count."""

    code: str
    bits: int
    lanes: int = 1

    @staticmethod
    def of(dtype: str) -> DataType:
        """Parse ``dtype`` (cached); raises `DTypeError` when it names no type."""
        return _parse(dtype)

    @property
    def is_int(self) -> bool:
        return self.code == "int"

    @property
    def is_uint(self) -> bool:
        return self.code == "uint"

    @property
    def is_integer(self) -> bool:
        """Signed or unsigned integer (not bool)."""
        return self.code in ("int", "uint")

    @property
    def is_float(self) -> bool:
        """IEEE or brain or low-precision float."""
        code = self.code
        return code in ("float", "bfloat") or code.startswith(("float8", "float6", "float4"))

    @property
    def is_bool(self) -> bool:
        return self.code == "bool"

    @property
    def is_handle(self) -> bool:
        return self.code == "handle"

    @property
    def is_void(self) -> bool:
        return self.code == "void"

    @property
    def is_vector(self) -> bool:
        return self.lanes > 1

    def with_lanes(self, lanes: int) -> str:
        """The dtype string of this element type with ``lanes`` lanes."""
        return format_dtype(DataType(self.code, self.bits, lanes))

    def with_lanes_bool(self) -> str:
        """The dtype string of a boolean with this type's lanes (comparison results)."""
        return "bool" if self.lanes == 1 else f"boolx{self.lanes}"

    def element(self) -> str:
        """The dtype string of one lane."""
        return format_dtype(DataType(self.code, self.bits, 1))

    @property
    def bytes(self) -> int:
        """Storage bytes of the whole value (bool occupies one byte per lane)."""
        bits = 8 if self.is_bool else self.bits
        return (bits * self.lanes + 7) // 8

    def __str__(self) -> str:
        return format_dtype(self)


def format_dtype(t: DataType) -> str:
    """The canonical string of ``t``."""
    if t.code in ("bool", "handle", "void") or t.code.startswith(("float8", "float6", "float4")):
        base = t.code
    else:
        base = f"{t.code}{t.bits}"
    return base if t.lanes == 1 else f"{base}x{t.lanes}"


@lru_cache(maxsize=512)
def _parse(dtype: str) -> DataType:
    if (m := _DTYPE_RE.match(dtype)) is not None:
        code, bits = m.group(1), int(m.group(2))
        if code in ("int", "uint") and bits not in (1, 4, 8, 16, 32, 64):
            raise DTypeError(f"unsupported integer width in '{dtype}'")
        if code == "float" and bits not in (16, 32, 64):
            raise DTypeError(f"unsupported float width in '{dtype}'")
        if code == "bfloat" and bits != 16:
            raise DTypeError(f"unsupported bfloat width in '{dtype}'")
        return DataType(code, bits, _lanes(m.group(3), dtype))
    if (m := _SPECIAL_RE.match(dtype)) is not None:
        code = m.group(1)
        bits = {"bool": 1, "handle": 64, "void": 0}[code]
        return DataType(code, bits, _lanes(m.group(2), dtype))
    if (m := _LOW_FLOAT_RE.match(dtype)) is not None and m.group(1) in LOW_PRECISION_FLOATS:
        code = m.group(1)
        return DataType(code, int(code[5]), _lanes(m.group(2), dtype))
    raise DTypeError(f"unknown data type '{dtype}'")


def _lanes(text: str | None, dtype: str) -> int:
    if text is None:
        return 1
    lanes = int(text)
    if lanes < 1:
        raise DTypeError(f"vector lanes must be positive in '{dtype}'")
    return lanes


def is_valid_dtype(dtype: str) -> bool:
    """Whether ``dtype`` names a data type."""
    try:
        _parse(dtype)
    except DTypeError:
        return False
    return True


def normalize_dtype(dtype: str) -> str:
    """Accept numpy-ish aliases (``"float"`` is float32, ``"int"`` int32) and canonicalise."""
    alias = {"float": "float32", "int": "int32", "uint": "uint32", "double": "float64"}
    dtype = alias.get(dtype, dtype)
    return format_dtype(_parse(dtype))


INT_DTYPES: Final = tuple(f"int{b}" for b in (8, 16, 32, 64))
UINT_DTYPES: Final = tuple(f"uint{b}" for b in (8, 16, 32, 64))
FLOAT_DTYPES: Final = ("float16", "float32", "float64", "bfloat16")
SCALAR_CODES: Final = _SCALAR_CODES
