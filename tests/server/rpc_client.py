"""A small JSON-RPC client of the language server over stdio, for benchmarks and replays.

It records every ``publishDiagnostics`` with its arrival time and sends the server's stderr
to a file (so a test can check that no traceback was logged).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Message = dict[str, Any]


class RpcClient:
    """Requests, notifications and recorded diagnostics of one server process."""

    def __init__(self, argv: list[str], stderr_path: Path) -> None:
        self.argv = argv
        self.stderr_path = stderr_path
        self.proc: asyncio.subprocess.Process | None = None
        self.diagnostics: list[tuple[float, Message]] = []
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Message]] = {}
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self._stderr: Any = None

    async def start(self) -> None:
        self._stderr = self.stderr_path.open("wb")
        self.proc = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr,
            limit=1 << 26,
        )
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc is not None
        assert self.proc.stdout is not None
        stdout = self.proc.stdout
        while True:
            length = 0
            while (line := await stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            message: Message = json.loads(await stdout.readexactly(length))
            now = time.perf_counter()
            if "id" in message and "method" not in message:
                if (future := self._pending.pop(message["id"], None)) is not None:
                    future.set_result(message)
            elif "id" in message:  # a request from the server: answer null
                await self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics.append((now, message["params"]))
                self._changed.set()

    async def _send(self, message: Message) -> float:
        assert self.proc is not None
        assert self.proc.stdin is not None
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await self.proc.stdin.drain()
        return time.perf_counter()

    async def send(self, method: str, params: Any) -> asyncio.Future[Message]:
        """Send a request without waiting for it: the future of its answer."""
        key = next(self._ids)
        future: asyncio.Future[Message] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        await self._send({"jsonrpc": "2.0", "id": key, "method": method, "params": params})
        return future

    async def request(self, method: str, params: Any, timeout: float = 30) -> tuple[float, Message]:
        """The answer and the seconds it took."""
        key = next(self._ids)
        future: asyncio.Future[Message] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        start = await self._send({"jsonrpc": "2.0", "id": key, "method": method, "params": params})
        answer = await asyncio.wait_for(future, timeout)
        return time.perf_counter() - start, answer

    async def notify(self, method: str, params: Any) -> float:
        """Send a notification; the time it was sent."""
        return await self._send({"jsonrpc": "2.0", "method": method, "params": params})

    async def wait_diagnostics(
        self, since: float, accept: Callable[[Message], bool], timeout: float = 30
    ) -> tuple[float, Message]:
        """The first diagnostics published after ``since`` that ``accept`` takes."""
        deadline = time.perf_counter() + timeout
        while True:
            for at, params in self.diagnostics:
                if at >= since and accept(params):
                    return at, params
            self._changed.clear()
            await asyncio.wait_for(self._changed.wait(), max(deadline - time.perf_counter(), 0))

    async def initialize(self, root: Path, capabilities: Message | None = None) -> Message:
        _, answer = await self.request(
            "initialize",
            {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities or {}},
            timeout=60,
        )
        await self.notify("initialized", {})
        result: Message = answer["result"]
        return result

    async def shutdown(self) -> int:
        """Shut the server down; its exit code."""
        assert self.proc is not None
        await self.request("shutdown", None)
        await self.notify("exit", None)
        code = await asyncio.wait_for(self.proc.wait(), 30)
        if self._reader is not None:
            await self._reader
        self._stderr.close()
        return code

    def rss_mib(self) -> float:
        """The server's resident memory (VmRSS), with its child processes' (a wrapper's node)."""
        assert self.proc is not None
        total = 0.0
        todo = [self.proc.pid]
        while todo:
            pid = todo.pop()
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            todo += [int(child) for child in children]
        return total or float("nan")
