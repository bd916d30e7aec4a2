"""The language server driven over stdio on a 1,500-line file of 100 corpus kernels.

Run: ``python tests/benchmarks/bench_lsp.py [--trials N]``. Prints the median and p90 of each
latency next to its target and next to pyright's and pylsp's figures on the same file
(``lsp_reference.json``), and the server's resident memory:

- server start to the ``initialize`` result <= 300 ms; first diagnostics after ``didOpen``
  <= 200 ms;
- diagnostics after a one-character edit (didChange to the publishDiagnostics of that version)
  <= 20 ms median, p90 <= 30 ms;
- completion after ``T.`` p90 <= 10 ms; hover on a ``T.*`` name <= 5 ms, on a function name
  <= 20 ms;
- formatting the whole file (layout) <= 100 ms, the first request (nothing remembered) and the
  next ones; RSS <= 100 MiB.

Then a second file, 1,500 lines of mixed Relax and TIR: one ``@I.ir_module`` class holding the
members of the corpus's legalized Relax programs (PrimFuncs and the Relax functions calling
them with ``R.call_tir(cls.f, ...)``), renamed apart, as TVM prints a legalized model:

- diagnostics after a one-character edit in a Relax function <= 30 ms median (and, for
  information, in a PrimFunc of the same module);
- completion after ``R.`` in a dataflow block <= 15 ms median; for information, hover on a
  Relax binding and the inlay hints of the whole file.

``--server pyright`` or ``--server pylsp`` (from ``--venv``, default ``/work/lsp-venv``, where
``pip install pyright python-lsp-server[pyflakes,pycodestyle]`` put them) measures that server
on the same file and the same requests instead; ``--record`` stores its figures in
``lsp_reference.json``. Requests a server does not answer are left out of its figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import corpus_rows
from server.rpc_client import RpcClient

KERNELS = 100
REFERENCE: Final = Path(__file__).resolve().parent / "lsp_reference.json"
# name -> (median target, p90 target), in ms (None: no target)
TARGETS: Final[dict[str, tuple[float | None, float | None]]] = {
    "server start to initialize result": (300.0, None),
    "first diagnostics after didOpen": (200.0, None),
    "diagnostics after an edit": (20.0, 30.0),
    "completion after T.": (None, 10.0),
    "hover on T.*": (5.0, None),
    "hover on a function": (20.0, None),
    "hover on a local after an edit": (None, None),
    "semantic tokens after an edit": (None, None),
    "formatting the file (first request)": (100.0, None),
    "formatting the file (again)": (100.0, None),
}
MIXED_TARGETS: Final[dict[str, tuple[float | None, float | None]]] = {
    "first diagnostics after didOpen": (None, None),
    "diagnostics after an edit in Relax": (30.0, None),
    "diagnostics after an edit in a PrimFunc": (None, None),
    "completion after R.": (15.0, None),
    "hover on a Relax binding": (None, None),
    "inlay hints of the file": (None, None),
}
MIXED_LINES = 1500
ONCE: Final = ("server start to initialize result", "first diagnostics after didOpen")
RSS_TARGET_MIB = 100.0


def build_file(kernels: int = KERNELS) -> str:
    """``kernels`` prim_funcs of the TIR corpus (about 15 lines each), renamed apart."""
    out = ["from tvm.script import ir as I", "from tvm.script import tirx as T", ""]
    count = 0
    programs = sorted(
        (p for p in corpus_rows("tir") if p.row["runnable"] and "metadata" not in p.text),
        key=lambda p: (abs(p.text.count("\n") - 17), p.id),
    )
    if not programs:
        raise SystemExit("bench_lsp needs the reference corpus (set TVMSCRIPT_CORPUS)")
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


def build_mixed_file(lines: int = MIXED_LINES) -> str:
    """One ``@I.ir_module`` of about ``lines`` lines: legalized corpus programs' members.

    Each program's PrimFuncs and Relax functions are renamed apart (``add`` -> ``add_0406``,
    its ``cls.add`` uses with it) and put in one class, as TVM prints one legalized model.
    """
    programs = [
        p
        for p in corpus_rows("relax")
        if p.kind == "relax_legalized"
        and not re.search(r"metadata|TypeVar|module_attrs|global_infos|vdevice", p.text)
    ]
    if not programs:
        raise SystemExit("bench_lsp needs the reference corpus (set TVMSCRIPT_CORPUS)")
    head = [
        "from tvm.script import ir as I",
        "from tvm.script import relax as R",
        "from tvm.script import tirx as T",
        "",
        "",
        "@I.ir_module",
        "class Module:",
    ]
    out = list(head)
    for program in programs:
        text = program.text.split("\nclass Module:\n", 1)[1].rstrip("\n")
        for name in set(re.findall(r"^    def (\w+)\(", text, flags=re.M)):
            text = re.sub(rf"(?<=def ){name}(?=\()", f"{name}_{program.id}", text)
            text = re.sub(rf"\bcls\.{name}\b", f"cls.{name}_{program.id}", text)
        body = text.split("\n")
        if len(out) + len(body) > lines:
            continue
        out += [*body, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def server_command(server: str, venv: Path) -> list[str]:
    if server == "tvmscript":
        return [sys.executable, "-m", "tvmscript_server"]
    if server == "pyright":
        return [str(venv / "bin" / "pyright-langserver"), "--stdio"]
    return [str(venv / "bin" / "pylsp")]


def position(lines: list[str], pattern: str, start: int) -> tuple[int, int]:
    """Line and column of the first match of ``pattern`` at or after line ``start``."""
    for number in range(start, len(lines)):
        if (found := re.search(pattern, lines[number])) is not None:
            return number, found.start()
    raise ValueError(pattern)


def p90(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(0.9 * len(values)))]


async def timed(trials: int, run: Callable[[], Awaitable[float | None]]) -> list[float]:
    found = [await run() for _ in range(trials)]
    return [value for value in found if value is not None]


class Session:
    """One server on the benchmark file: the document, its version, the requests."""

    def __init__(self, client: RpcClient, uri: str, versioned: bool) -> None:
        self.client = client
        self.doc = {"uri": uri}
        self.version = 1
        self.versioned = versioned  # whether the server's diagnostics carry the version

    async def change(self, changes: list[dict[str, Any]]) -> float:
        self.version += 1
        return await self.client.notify(
            "textDocument/didChange",
            {"textDocument": {**self.doc, "version": self.version}, "contentChanges": changes},
        )

    async def diagnostics_of(self, sent: float, timeout: float = 30) -> float | None:
        """Milliseconds from ``sent`` to the diagnostics of the current version (None: none)."""
        version = self.version

        def accept(params: dict[str, Any]) -> bool:
            return params.get("version") == version if self.versioned else True

        try:
            at, _ = await self.client.wait_diagnostics(sent, accept, timeout)
        except TimeoutError:
            return None
        return (at - sent) * 1000

    async def request(self, method: str, params: dict[str, Any]) -> tuple[float, Any]:
        seconds, answer = await self.client.request(
            method, {"textDocument": self.doc, **params}, timeout=120
        )
        return seconds * 1000, answer


def _edit(line: int, column: int, end: int, text: str) -> dict[str, Any]:
    return {
        "range": {
            "start": {"line": line, "character": column},
            "end": {"line": line, "character": end},
        },
        "text": text,
    }


async def measure(
    trials: int, server: str, venv: Path
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    text = build_file()
    lines = text.splitlines()
    work = Path(tempfile.mkdtemp(prefix="bench-lsp-"))
    path = work / "kernels.py"
    path.write_text(text)
    client = RpcClient(server_command(server, venv), work / "stderr.log")
    results: dict[str, list[float]] = {}
    start = time.perf_counter()
    await client.start()
    await client.initialize(work, {"textDocument": {"synchronization": {}}})
    results["server start to initialize result"] = [(time.perf_counter() - start) * 1000]
    info: dict[str, Any] = {"lines": len(lines), "kernels": text.count("@T.prim_func")}
    session = Session(client, path.as_uri(), versioned=server != "pylsp")
    sent = await client.notify(
        "textDocument/didOpen",
        {"textDocument": {**session.doc, "languageId": "python", "version": 1, "text": text}},
    )
    first = await session.diagnostics_of(sent, timeout=120)
    results["first diagnostics after didOpen"] = [first] if first is not None else []

    # Break a buffer name deep in the file, then mend it: each edit one character.
    line, _ = position(lines, r"\] = ", int(len(lines) * 0.8))
    column = re.search(r"(\w+)\[", lines[line]).start(1)  # type: ignore[union-attr]

    async def one_edit(broken: bool) -> float | None:
        change = _edit(line, column, column + (0 if broken else 1), "Q" if broken else "")
        return await session.diagnostics_of(await session.change([change]), timeout=10)

    edits: list[float] = []
    for _ in range(trials):
        edits += await timed(1, lambda: one_edit(True))
        edits += await timed(1, lambda: one_edit(False))
    results["diagnostics after an edit"] = edits

    # Completion after "T." on a new line inside a loop near the end.
    line, _ = position(lines, r"^\s+for .* in ", int(len(lines) * 0.85))
    indent = re.match(r"\s*", lines[line + 1]).group(0)  # type: ignore[union-attr]
    await session.change([{**_edit(line + 1, 0, 0, indent + "T.\n")}])
    where = {"position": {"line": line + 1, "character": len(indent) + 2}}
    answers: list[Any] = []

    async def complete() -> float | None:
        ms, answer = await session.request("textDocument/completion", where)
        answers.append(answer)
        return None if "error" in answer else ms

    results["completion after T."] = await timed(trials, complete)
    result = answers[-1].get("result")
    items = result.get("items", []) if isinstance(result, dict) else result or []
    info["completion answer"] = f"{len(items)} items"
    remove = {
        "range": {
            "start": {"line": line + 1, "character": 0},
            "end": {"line": line + 2, "character": 0},
        },
        "text": "",
    }
    await session.change([remove])

    async def hover(at: tuple[int, int], seen: list[Any]) -> float | None:
        params = {"position": {"line": at[0], "character": at[1]}}
        ms, answer = await session.request("textDocument/hover", params)
        seen.append(answer.get("result"))
        return None if "error" in answer else ms

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

    async def after_edit(method: str, params: dict[str, Any]) -> float | None:
        grow = session.version % 2 == 1  # a trailing space added, then removed
        end = len(lines[l_line]) + (0 if grow else 1)
        await session.change([_edit(l_line, len(lines[l_line]), end, " " if grow else "")])
        ms, answer = await session.request(method, params)
        return None if "error" in answer else ms

    where_local = {"position": {"line": l_line, "character": l_col}}
    results["hover on a local after an edit"] = await timed(
        trials, lambda: after_edit("textDocument/hover", where_local)
    )
    results["semantic tokens after an edit"] = await timed(
        trials, lambda: after_edit("textDocument/semanticTokens/full", {})
    )
    await session.change([{"text": text}])  # back to the original text
    formats: list[Any] = []

    async def format_file() -> float | None:
        options = {"options": {"tabSize": 4, "insertSpaces": True}}
        ms, answer = await session.request("textDocument/formatting", options)
        formats.append(answer)
        return ms if "error" not in answer else None

    results["formatting the file (first request)"] = await timed(1, format_file)
    results["formatting the file (again)"] = await timed(max(trials // 4, 3), format_file)
    edits_made = formats[0].get("result") if formats else None
    info["formatting answer"] = (
        f"{len(edits_made)} edits" if isinstance(edits_made, list) else str(edits_made)[:60]
    )
    info["rss"] = client.rss_mib()
    await client.shutdown()
    info["stderr"] = (work / "stderr.log").read_text(errors="replace")
    return results, info


async def measure_mixed(
    trials: int, server: str, venv: Path
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """The Relax + TIR file's figures (its own server, as an editor opening only it)."""
    text = build_mixed_file()
    lines = text.splitlines()
    work = Path(tempfile.mkdtemp(prefix="bench-lsp-mixed-"))
    path = work / "model.py"
    path.write_text(text)
    client = RpcClient(server_command(server, venv), work / "stderr.log")
    results: dict[str, list[float]] = {}
    await client.start()
    await client.initialize(work, {"textDocument": {"synchronization": {}}})
    info: dict[str, Any] = {
        "lines": len(lines),
        "kernels": text.count("@T.prim_func"),
        "relax functions": text.count("@R.function"),
    }
    session = Session(client, path.as_uri(), versioned=server != "pylsp")
    sent = await client.notify(
        "textDocument/didOpen",
        {"textDocument": {**session.doc, "languageId": "python", "version": 1, "text": text}},
    )
    first = await session.diagnostics_of(sent, timeout=120)
    results["first diagnostics after didOpen"] = [first] if first is not None else []

    async def edits_at(line: int, column: int) -> list[float]:
        """Break the name at (line, column) with one character, then mend it: each timed."""

        async def one_edit(broken: bool) -> float | None:
            change = _edit(line, column, column + (0 if broken else 1), "Q" if broken else "")
            return await session.diagnostics_of(await session.change([change]), timeout=10)

        found: list[float] = []
        for _ in range(trials):
            found += await timed(1, lambda: one_edit(True))
            found += await timed(1, lambda: one_edit(False))
        return found

    # An argument of an R.call_tir deep in the file (an undefined name while broken).
    r_line, _ = position(lines, r"= R\.call_tir\(cls\.\w+, \(\w", int(len(lines) * 0.8))
    r_col = lines[r_line].index(", (") + 3
    results["diagnostics after an edit in Relax"] = await edits_at(r_line, r_col)
    t_line, _ = position(lines, r"^\s+\w+\[.*\] = ", int(len(lines) * 0.8))
    t_col = len(lines[t_line]) - len(lines[t_line].lstrip())
    results["diagnostics after an edit in a PrimFunc"] = await edits_at(t_line, t_col)

    # Completion after "R." on a new line of a dataflow block near the end.
    indent = re.match(r"\s*", lines[r_line]).group(0)  # type: ignore[union-attr]
    await session.change([_edit(r_line + 1, 0, 0, indent + "R.\n")])
    where = {"position": {"line": r_line + 1, "character": len(indent) + 2}}
    answers: list[Any] = []

    async def complete() -> float | None:
        ms, answer = await session.request("textDocument/completion", where)
        answers.append(answer)
        return None if "error" in answer else ms

    results["completion after R."] = await timed(trials, complete)
    result = answers[-1].get("result")
    items = result.get("items", []) if isinstance(result, dict) else result or []
    info["completion answer"] = f"{len(items)} items"
    remove = {
        "range": {
            "start": {"line": r_line + 1, "character": 0},
            "end": {"line": r_line + 2, "character": 0},
        },
        "text": "",
    }
    await session.change([remove])

    seen: list[Any] = []

    async def hover() -> float | None:
        params = {"position": {"line": r_line, "character": len(indent)}}
        ms, answer = await session.request("textDocument/hover", params)
        seen.append(answer.get("result"))
        return None if "error" in answer else ms

    results["hover on a Relax binding"] = await timed(trials, hover)
    hover_text = (seen[-1] or {}).get("contents", {}).get("value", "") if seen else ""
    info["hover answers"] = hover_text.replace("```python\n", "").replace("\n```", "")[:70]
    hinted: list[Any] = []

    async def hints() -> float | None:
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(lines), "character": 0}}
        ms, answer = await session.request("textDocument/inlayHint", {"range": whole})
        hinted.append(answer.get("result"))
        return None if "error" in answer else ms

    results["inlay hints of the file"] = await timed(max(trials // 4, 3), hints)
    info["inlay hints"] = f"{len(hinted[-1] or [])} hints"
    info["rss"] = client.rss_mib()
    await client.shutdown()
    info["stderr"] = (work / "stderr.log").read_text(errors="replace")
    return results, info


def _figure(values: list[float]) -> str:
    if not values:
        return "       n/a"
    if len(values) == 1:
        return f"{values[0]:8.1f} ms"
    return f"{statistics.median(values):8.1f} ms"


def report(
    results: dict[str, list[float]],
    info: dict[str, Any],
    server: str,
    targets: dict[str, tuple[float | None, float | None]] = TARGETS,
) -> bool:
    """Print every figure next to its target and the other servers'; whether all are met."""
    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    others = [name for name in ("pyright", "pylsp") if name in reference and name != server]
    if targets is not TARGETS:
        others = []  # (their figures are of the TIR file)
    what = f"{info['kernels']} kernels"
    if "relax functions" in info:
        relax = info["relax functions"]
        what = f"one module of {info['kernels']} PrimFuncs and {relax} Relax functions"
    print(f"{server}: file of {info['lines']} lines, {what}")
    header = f"{'':38} {'median':>11} {'p90':>11}  {'target':16}" + "".join(
        f" {name:>11}" for name in others
    )
    print(header)
    ok = True
    for name, values in results.items():
        median_target, p90_target = targets[name]
        if not values:
            print(f"{name:38} {'n/a':>11}")
            continue
        median, worst = statistics.median(values), p90(values)
        passed = (median_target is None or median <= median_target) and (
            p90_target is None or worst <= p90_target
        )
        ok &= passed
        wanted = " ".join(
            part
            for part in (
                f"<= {median_target:g}" if median_target is not None else "",
                f"p90 <= {p90_target:g}" if p90_target is not None else "",
            )
            if part
        )
        verdict = ("PASS" if passed else "FAIL") if wanted else ""
        spread = "" if name in ONCE else f"{worst:8.1f} ms"
        line = f"{name:38} {median:8.1f} ms {spread:>11}  {wanted:11} {verdict:4}"
        for other in others:
            line += f" {_figure(reference[other]['results'].get(name, []))}"
        print(line)
    rss = info["rss"]
    ok &= rss <= RSS_TARGET_MIB
    line = f"{'server RSS':38} {rss:8.1f} MiB {'':11}  <= {RSS_TARGET_MIB:g} MiB "
    line += "PASS" if rss <= RSS_TARGET_MIB else "FAIL"
    for other in others:
        line += f" {reference[other]['rss']:8.1f} MiB"
    print(line)
    answers = {
        "completion": "completion answer",
        "hover answered": "hover answers",
        "formatting": "formatting answer",
        "inlay hints": "inlay hints",
    }
    print("; ".join(f"{label}: {info[key]}" for label, key in answers.items() if key in info))
    for other in others:
        print(f"{other}: {reference[other]['version']}, recorded {reference[other]['recorded']}")
    if server == "tvmscript" and "Traceback" in info["stderr"]:
        print("server stderr has a traceback:\n" + info["stderr"][-2000:])
    return ok


def record(server: str, venv: Path, results: dict[str, list[float]], info: dict[str, Any]) -> None:
    """Store ``server``'s figures in `REFERENCE` (the file is data, read by `report`)."""
    reference = json.loads(REFERENCE.read_text()) if REFERENCE.exists() else {}
    version = "?"
    for binary in ("pyright-langserver", "pylsp"):
        if server in binary and (venv / "bin" / binary).exists():
            import subprocess

            flag = ["--version"]
            tool = venv / "bin" / ("pyright" if server == "pyright" else "pylsp")
            done = subprocess.run([str(tool), *flag], capture_output=True, text=True, check=False)
            version = (done.stdout or done.stderr).strip().splitlines()[-1]
    reference[server] = {
        "version": version,
        "recorded": time.strftime("%Y-%m-%d"),
        "lines": info["lines"],
        "rss": round(info["rss"], 1),
        "results": {name: [round(v, 2) for v in values] for name, values in results.items()},
        "answers": {
            key: info[key]
            for key in ("completion answer", "hover answers", "formatting answer")
            if key in info
        },
    }
    REFERENCE.write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n")
    print(f"recorded {server}'s figures in {REFERENCE}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--server", choices=["tvmscript", "pyright", "pylsp"], default="tvmscript")
    parser.add_argument("--venv", type=Path, default=Path("/work/lsp-venv"))
    parser.add_argument("--record", action="store_true", help="store the figures as reference")
    parser.add_argument(
        "--file",
        choices=["both", "tir", "mixed"],
        default="both",
        help="the TIR kernels' file, the mixed Relax + TIR module's, or both",
    )
    args = parser.parse_args()
    if args.file != "mixed":
        results, info = asyncio.run(measure(args.trials, args.server, args.venv))
        report(results, info, args.server)
        if args.record:
            record(args.server, args.venv, results, info)
    if args.file != "tir":
        print()
        mixed, mixed_info = asyncio.run(measure_mixed(args.trials, args.server, args.venv))
        report(mixed, mixed_info, args.server, MIXED_TARGETS)
    return 0  # a benchmark reports; `make bench` runs every one


if __name__ == "__main__":
    sys.exit(main())
