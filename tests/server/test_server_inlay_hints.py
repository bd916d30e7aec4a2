from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

KERNEL = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(A: T.Buffer((128, 64), "float32"), B: T.Buffer((128,), "float32")):
        for i, k in T.grid(128, 64):
            with T.sblock("B"):
                vi, vk = T.axis.remap("SR", [i, k])
                x = A[vi, vk] * T.float32(2)
                y: T.float32 = x
                with T.init():
                    B[vi] = T.float32(0)
                B[vi] = B[vi] + x + y
""")


async def _hints(client: LanguageClient, path: Path, start: int, end: int) -> list[types.InlayHint]:
    result = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(
                start=types.Position(line=start, character=0),
                end=types.Position(line=end, character=0),
            ),
        )
    )
    assert result is not None
    return list(result)


def _summary(hints: list[types.InlayHint]) -> list[tuple[int, int, str]]:
    return [(h.position.line, h.position.character, str(h.label)) for h in hints]


async def test_inlay_hints_of_a_tvm_file(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    hints = await _hints(client, path, 0, 13)
    assert _summary(hints) == [
        (6, 14, ": spatial(128)"),
        (6, 18, ": reduce(64)"),
        (7, 13, ": T.float32"),
    ]
    assert {h.kind for h in hints} == {types.InlayHintKind.Type}
    assert {h.padding_left for h in hints} == {False}
    assert hints[0].tooltip == "vi = T.axis.spatial(128, i)"


async def test_inlay_hints_only_in_the_range(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, KERNEL)
    assert _summary(await _hints(client, path, 7, 12)) == [(7, 13, ": T.float32")]
    assert await _hints(client, path, 8, 12) == []


async def test_inlay_hints_count_utf16_units(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    wide = "\U00020000"  # a CJK letter outside the BMP: two UTF-16 units, one character
    text = KERNEL.replace("x = A", f"x{wide} = A").replace("+ x +", f"+ x{wide} +")
    await open_document(client, path, text.replace("= x\n", f"= x{wide}\n"))
    hints = await _hints(client, path, 7, 8)
    assert _summary(hints) == [(7, 15, ": T.float32")]


async def test_no_inlay_hints_in_plain_python(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "plain.py"
    await open_document(client, path, "import math\n\nx = math.pi * 2\ny = x\n")
    assert await _hints(client, path, 0, 4) == []
