"""Replay 2,000 seeded random edits with requests at random positions in between.

The edits (valid and invalid text, non-BMP characters) go to several corpus files as
incremental changes with UTF-16 ranges.

Every request must be answered (an error only if it is a proper LSP one, e.g. a method not
offered), every document's last version must get its diagnostics, and the server's stderr
must stay free of tracebacks.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import corpus_rows

from .rpc_client import RpcClient

pytestmark = [pytest.mark.lsp, pytest.mark.slow, pytest.mark.requires_corpus]

EDITS = 2000
BATCH = 50
SEED = 20240611
# MethodNotFound, RequestCancelled, ContentModified, ServerCancelled.
PROPER_ERRORS = {-32601, -32800, -32801, -32802}
SNIPPETS = [
    "T.",
    "T.grid(",
    "for i in range(4):\n    ",
    "\n",
    "\n\n@T.prim_func\ndef g(A: T.Buffer((4,), 'float32')):\n    A[0] = 1\n",
    ")",
    "[",
    '"""',
    "#",
    " = ",
    "A[i, j]",
    "T.float32(1)",
    "with T.sblock('b'):\n",
    "\t",
    "é",
    "😀",
    "\U0001d518",  # a non-BMP letter (two UTF-16 units)
    "\\",
    "lambda: 0",
    "import os\n",
    "@I.ir_module\nclass M:\n",
    'T.axis.remap("SS", [i0, i1])',
]
CHARS = "abcxyzAT_0123456789 .,:;()[]{}=+-*/%<>!'\"\n\t#@é😀"


def position(text: str, offset: int) -> dict[str, int]:
    """The LSP position (UTF-16 columns) of character ``offset``."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    column = len(text[start:offset].encode("utf-16-le")) // 2
    return {"line": line, "character": column}


def random_edit(rng: random.Random, text: str) -> tuple[int, int, str]:
    """Replace ``text[start:end]`` by a random insertion."""
    start = rng.randint(0, len(text))
    end = min(len(text), start + rng.choice([0, 0, 1, 1, 2, 5, 20]))
    if rng.random() < 0.5:
        inserted = rng.choice(SNIPPETS)
    else:
        inserted = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 4)))
    return start, end, inserted


def requests_for(capabilities: dict[str, Any]) -> list[str]:
    """The position requests to replay: what the server offers, plus hover and formatting."""
    offered = {
        "textDocument/hover": "hoverProvider",
        "textDocument/completion": "completionProvider",
        "textDocument/definition": "definitionProvider",
        "textDocument/references": "referencesProvider",
        "textDocument/signatureHelp": "signatureHelpProvider",
        "textDocument/documentHighlight": "documentHighlightProvider",
    }
    chosen = [m for m, key in offered.items() if capabilities.get(key)]
    return sorted({"textDocument/hover", *chosen})


def params_of(method: str, uri: str, at: dict[str, int]) -> dict[str, Any]:
    params: dict[str, Any] = {"textDocument": {"uri": uri}, "position": at}
    if method == "textDocument/references":
        params["context"] = {"includeDeclaration": True}
    return params


async def replay(tmp_path: Path) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    rng = random.Random(SEED)
    programs = [p for p in corpus_rows("tir") if p.row["runnable"]][::40][:4]
    client = RpcClient([sys.executable, "-m", "tvmscript_server"], tmp_path / "stderr.log")
    await client.start()
    init = await client.initialize(tmp_path)
    capabilities = init["capabilities"]
    methods = requests_for(capabilities)
    documents: dict[str, list[Any]] = {}  # uri -> [text, version]
    for k, program in enumerate(programs):
        uri = (tmp_path / f"doc{k}.py").as_uri()
        text = program.text.replace("# from tvm.script import", "from tvm.script import")
        documents[uri] = [text, 1]
        await client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
        )
    answers: list[tuple[str, asyncio.Future[dict[str, Any]]]] = []
    uris = list(documents)
    for n in range(EDITS):
        uri = rng.choice(uris)
        text, version = documents[uri]
        start, end, inserted = random_edit(rng, text)
        change = {
            "range": {"start": position(text, start), "end": position(text, end)},
            "text": inserted,
        }
        documents[uri] = [text[:start] + inserted + text[end:], version + 1]
        await client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version + 1}, "contentChanges": [change]},
        )
        if n % BATCH != BATCH - 1:
            continue
        for uri in uris:
            text = documents[uri][0]
            for method in methods:
                at = position(text, rng.randint(0, len(text)))
                answers.append((method, await client.send(method, params_of(method, uri, at))))
            if capabilities.get("documentSymbolProvider"):
                symbols = {"textDocument": {"uri": uri}}
                answers.append(
                    ("symbols", await client.send("textDocument/documentSymbol", symbols))
                )
            options = {
                "textDocument": {"uri": uri},
                "options": {"tabSize": 4, "insertSpaces": True},
            }
            answers.append(("formatting", await client.send("textDocument/formatting", options)))
    results = [(method, await asyncio.wait_for(future, 60)) for method, future in answers]
    for uri, (_, version) in documents.items():  # the last version of each gets diagnostics
        await client.wait_diagnostics(
            0.0, lambda p, u=uri, v=version: (p["uri"], p["version"]) == (u, v)
        )
    assert await client.shutdown() == 0
    return results, (tmp_path / "stderr.log").read_text()


def test_replayed_edits_and_requests_are_all_answered(tmp_path: Path) -> None:
    results, stderr = asyncio.run(replay(tmp_path))
    assert len(results) >= EDITS // BATCH * 4 * 2
    improper = [
        (method, answer["error"])
        for method, answer in results
        if "error" in answer and answer["error"].get("code") not in PROPER_ERRORS
    ]
    assert improper == []
    assert "Traceback" not in stderr
    assert "xception" not in stderr, stderr[-3000:]
