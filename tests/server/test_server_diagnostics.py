from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_helpers import open_document, source

pytestmark = pytest.mark.lsp

UNDEFINED = source("""
    from tvm.script import tirx as T

    @T.prim_func
    def f(a: T.Buffer((4,), "float32")):
        for i in range(4):
            C[i] = a[i]
""")


async def test_diagnostics_undefined_name_has_its_range(
    client: LanguageClient, tmp_path: Path
) -> None:
    published = await open_document(client, tmp_path / "k.py", UNDEFINED)
    [d] = published.diagnostics
    assert published.version == 1
    assert (d.code, d.source, d.severity) == (
        "undefined-name",
        "tvmscript",
        types.DiagnosticSeverity.Error,
    )
    assert d.range == types.Range(
        start=types.Position(line=5, character=8), end=types.Position(line=5, character=9)
    )
    assert d.message == "undefined name 'C'"


async def test_diagnostics_disappear_after_a_fix(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "k.py"
    await open_document(client, path, UNDEFINED)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=5, character=8),
                        end=types.Position(line=5, character=9),
                    ),
                    text="a",
                )
            ],
        )
    )
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert (published.version, list(published.diagnostics)) == (2, [])


async def test_diagnostics_opening_never_runs_the_file(
    client: LanguageClient, tmp_path: Path
) -> None:
    victim = tmp_path / "written"
    text = source(f"""
        import os
        from tvm.script import tirx as T

        handle = open({str(victim)!r}, "w")
        os.system("touch {victim}")
        open({str(victim)!r}, "w").write("ran")

        @T.prim_func
        def f(a: T.Buffer((4,), "float32")):
            a[0] = T.float32(1)
    """)
    published = await open_document(client, tmp_path / "evil.py", text)
    assert list(published.diagnostics) == []
    assert not victim.exists()
