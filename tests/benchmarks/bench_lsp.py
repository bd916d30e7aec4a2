"""The language server driven over stdio on a 1,500-line file of 100 corpus kernels.

Run: ``python tests/benchmarks/bench_lsp.py [--trials N]``. Prints the median and p90 of each
latency next to its target, and the server's resident memory:
diagnostics after a one-character edit <= 50 ms (didChange to the publishDiagnostics of that
version), completion after ``T.`` <= 15 ms, hover on a ``T.*`` name <= 5 ms, hover on a function
name <= 20 ms, whole-file formatting (no target), RSS <= 100 MiB.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import corpus_rows
from server.rpc_client import RpcClient

KERNELS = 100
TARGETS = {
    "diagnostics after an edit": 50.0,
    "completion after T.": 15.0,
    "hover on T.*": 5.0,
    "hover on a function": 20.0,
    "formatting the file": None,
    "hover on a local after an edit": None,
    "semantic tokens after an edit": None,
}
RSS_TARGET_MIB = 100.0


def build_file(kernels: int = KERNELS) -> str:
    """``kernels`` prim_funcs of the TIR corpus (about 15 lines each), renamed apart."""
    out = ["from tvm.script import ir as I", "from tvm.script import tirx as T", ""]
    count = 0
    programs = sorted(
        (p for p in corpus_rows("tir") if p.row["runnable"] and "metadata" not in p.text),
        key=lambda p: (abs(p.text.count("\n") - 17), p.id),
    )
    for program in programs:
        body = [line for line in program.text.splitlines() if not line.startswith("# from ")]
        text = "\n".join(body)
        found = text.count("@T.prim_func")
        if count + found > kernels:
            continue
        for name in set(re.findall(r"^\s*def (\w+)\(", text, flags=re.M)):
            text = re.sub(rf"\b{name}\b", f"{name}_{program.id}", text)
        text = re.sub(r"^class Module:", f"class Module_{program.id}:", text, flags=re.M)
        out += [text, ""]
        count += found
        if count == kernels:
            break
    return "\n".join(out) + "\n"


def position(lines: list[str], pattern: str, start: int) -> tuple[int, int]:
    """Line and column of the first match of ``pattern`` at or after line ``start``."""
    for number in range(start, len(lines)):
        if (found := re.search(pattern, lines[number])) is not None:
            return number, found.start()
    raise ValueError(pattern)


def p90(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(0.9 * len(values)))]


async def timed(trials: int, run: Callable[[], Awaitable[float]]) -> list[float]:
    return [await run() for _ in range(trials)]


async def measure(trials: int) -> tuple[dict[str, list[float]], dict[str, Any]]:
    text = build_file()
    lines = text.splitlines()
    work = Path(tempfile.mkdtemp(prefix="bench-lsp-"))
    path = work / "kernels.py"
    path.write_text(text)
    uri = path.as_uri()
    doc = {"uri": uri}
    client = RpcClient([sys.executable, "-m", "tvmscript_server"], work / "stderr.log")
    await client.start()
    await client.initialize(work)
    info: dict[str, Any] = {"lines": len(lines), "kernels": text.count("@T.prim_func")}
    sent = await client.notify(
        "textDocument/didOpen",
        {"textDocument": {**doc, "languageId": "python", "version": 1, "text": text}},
    )
    at, first = await client.wait_diagnostics(sent, lambda p: p.get("version") == 1)
    info["first diagnostics (ms)"] = (at - sent) * 1000
    info["diagnostics on the clean file"] = len(first["diagnostics"])
    results: dict[str, list[float]] = {}

    # Break a buffer name deep in the file, then mend it: each edit one character.
    line, _ = position(lines, r"\] = ", int(len(lines) * 0.8))
    column = re.search(r"(\w+)\[", lines[line]).start(1)  # type: ignore[union-attr]
    version = 1
    edits = []
    for _ in range(trials):
        for broken in (True, False):
            version += 1
            end = column + (0 if broken else 1)
            change = {
                "range": {
                    "start": {"line": line, "character": column},
                    "end": {"line": line, "character": end},
                },
                "text": "Q" if broken else "",
            }
            sent = await client.notify(
                "textDocument/didChange",
                {"textDocument": {**doc, "version": version}, "contentChanges": [change]},
            )
            at, _ = await client.wait_diagnostics(sent, lambda p, v=version: p.get("version") == v)
            edits.append((at - sent) * 1000)
    results["diagnostics after an edit"] = edits

    # Completion after "T." on a new line inside a loop near the end.
    line, _ = position(lines, r"^\s+for .* in ", int(len(lines) * 0.85))
    indent = re.match(r"\s*", lines[line + 1]).group(0)  # type: ignore[union-attr]
    version += 1
    insert = {
        "range": {
            "start": {"line": line + 1, "character": 0},
            "end": {"line": line + 1, "character": 0},
        },
        "text": indent + "T.\n",
    }
    await client.notify(
        "textDocument/didChange",
        {"textDocument": {**doc, "version": version}, "contentChanges": [insert]},
    )
    where = {"line": line + 1, "character": len(indent) + 2}
    answers: list[Any] = []

    async def complete() -> float:
        seconds, answer = await client.request(
            "textDocument/completion", {"textDocument": doc, "position": where}
        )
        answers.append(answer)
        return seconds * 1000

    results["completion after T."] = await timed(trials, complete)
    last = answers[-1]
    result = last.get("result")
    items = result.get("items", []) if isinstance(result, dict) else result or []
    info["completion answer"] = (
        f"error {last['error'].get('message', '')[:60]!r}"
        if "error" in last
        else f"{len(items)} items"
    )
    version += 1
    remove = {
        "range": {
            "start": {"line": line + 1, "character": 0},
            "end": {"line": line + 2, "character": 0},
        },
        "text": "",
    }
    await client.notify(
        "textDocument/didChange",
        {"textDocument": {**doc, "version": version}, "contentChanges": [remove]},
    )

    async def hover(at: tuple[int, int], seen: list[Any]) -> float:
        params = {"textDocument": doc, "position": {"line": at[0], "character": at[1]}}
        seconds, answer = await client.request("textDocument/hover", params)
        seen.append(answer.get("result"))
        return seconds * 1000

    t_line, t_col = position(lines, r"T\.(grid|exp|axis)", int(len(lines) * 0.7))
    seen_t: list[Any] = []
    results["hover on T.*"] = await timed(trials, lambda: hover((t_line, t_col + 3), seen_t))
    f_line, _ = position(lines, r"^\s*def \w+", int(len(lines) * 0.7))
    f_col = lines[f_line].index("def ") + 5
    seen_f: list[Any] = []
    results["hover on a function"] = await timed(trials, lambda: hover((f_line, f_col), seen_f))
    info["hover answers"] = f"T.*: {seen_t[-1] is not None}, function: {seen_f[-1] is not None}"

    # Right after an edit (before the debounced diagnostics): one analysis serves them all.
    l_line, l_col = position(lines, r"^\s+for \w+ in ", int(len(lines) * 0.6))
    l_col = lines[l_line].index("for ") + 4

    async def after_edit(method: str, params: dict[str, Any]) -> float:
        nonlocal version
        version += 1
        end = len(lines[l_line]) + (version % 2)  # a trailing space added, then removed
        change = {
            "range": {
                "start": {"line": l_line, "character": len(lines[l_line])},
                "end": {"line": l_line, "character": end},
            },
            "text": " " if version % 2 == 0 else "",
        }
        await client.notify(
            "textDocument/didChange",
            {"textDocument": {**doc, "version": version}, "contentChanges": [change]},
        )
        seconds, _ = await client.request(method, {"textDocument": doc, **params})
        return seconds * 1000

    where_local = {"position": {"line": l_line, "character": l_col}}
    results["hover on a local after an edit"] = await timed(
        trials, lambda: after_edit("textDocument/hover", where_local)
    )
    results["semantic tokens after an edit"] = await timed(
        trials, lambda: after_edit("textDocument/semanticTokens/full", {})
    )

    await client.notify(  # back to the original text
        "textDocument/didChange",
        {"textDocument": {**doc, "version": version + 1}, "contentChanges": [{"text": text}]},
    )
    version += 1

    async def format_file() -> float:
        options = {"tabSize": 4, "insertSpaces": True}
        seconds, _ = await client.request(
            "textDocument/formatting", {"textDocument": doc, "options": options}
        )
        return seconds * 1000

    results["formatting the file"] = await timed(max(trials // 4, 3), format_file)
    info["rss"] = client.rss_mib()
    await client.shutdown()
    info["stderr"] = (work / "stderr.log").read_text()
    return results, info


def report(results: dict[str, list[float]], info: dict[str, Any]) -> bool:
    """Print every figure next to its target; whether all targets are met."""
    print(
        f"file: {info['lines']} lines, {info['kernels']} kernels; first diagnostics "
        f"{info['first diagnostics (ms)']:.0f} ms ({info['diagnostics on the clean file']} found)"
    )
    ok = True
    for name, values in results.items():
        median, worst = statistics.median(values), p90(values)
        target = TARGETS[name]
        if target is None:
            print(f"{name:28} median {median:8.2f} ms  p90 {worst:8.2f} ms  (no target)")
            continue
        passed = median <= target
        ok &= passed
        print(
            f"{name:28} median {median:8.2f} ms  p90 {worst:8.2f} ms  target {target:g} ms  "
            f"ratio {median / target:5.2f}  {'PASS' if passed else 'FAIL'}"
        )
    rss = info["rss"]
    ok &= rss <= RSS_TARGET_MIB
    print(
        f"{'server RSS':28} {rss:8.1f} MiB  target {RSS_TARGET_MIB:g} MiB  "
        f"ratio {rss / RSS_TARGET_MIB:5.2f}  {'PASS' if rss <= RSS_TARGET_MIB else 'FAIL'}"
    )
    print(f"completion: {info['completion answer']}; hover answered: {info['hover answers']}")
    if "Traceback" in info["stderr"]:
        print("server stderr has a traceback:\n" + info["stderr"][-2000:])
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    results, info = asyncio.run(measure(args.trials))
    report(results, info)
    return 0  # a benchmark reports; `make bench` runs every one


if __name__ == "__main__":
    sys.exit(main())
