"""The members of the T, I and R namespaces as the generated stubs describe them (via jedi).

jedi reads the stubs once per namespace path (``T``, ``T.axis``, ...), over a two-line
synthetic snippet, never the user's file; the answers are cached (see `StubIndex`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import tvmscript

# One namespace per dialect (``tirx`` is ``tir``).
_DIALECTS: Final = ("tir", "ir", "relax")
_SUPPORT_PREFIX: Final = re.compile(r"\b_ir\.|\bbuiltins\.")


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter: its name, its text (``dtype: str='float32'``) and its kind."""

    name: str
    text: str
    kind: str  # inspect.Parameter kind name: POSITIONAL_OR_KEYWORD, VAR_POSITIONAL, ...

    @property
    def required(self) -> bool:
        """Whether a call must pass it (no default, not ``*args``/``**kwargs``)."""
        return "=" not in self.text and self.kind in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD")


@dataclass(frozen=True, slots=True)
class Member:
    """A namespace member: ``kind`` is jedi's (function, class, module, instance, ...)."""

    name: str
    kind: str
    signature: str
    params: tuple[Param, ...]
    doc: str


def stub_root() -> Path:
    """The directory holding ``tvmscript-stubs/``: the checkout's ``stubs/``, else generated."""
    from tvmscript.stubgen import PACKAGE, write_stubs  # the builder's tables, only here

    checkout = Path(tvmscript.__file__).resolve().parents[1] / "stubs"
    if (checkout / PACKAGE / "tir" / "__init__.pyi").is_file():
        return checkout
    generated = Path(tempfile.gettempdir()) / f"tvmscript-stubs-{_version()}"
    if not (generated / PACKAGE / "tir" / "__init__.pyi").is_file():
        write_stubs(generated)
    return generated


def _version() -> str:
    from tvmscript_server import __version__

    return __version__


class StubIndex:
    """Namespace members read from the stubs by jedi, in a child process, cached on disk.

    jedi (and the packages it infers) would double the server's memory, so it runs once per
    version of the stubs in a short-lived ``python -m tvmscript_server.stub_index ROOT`` whose
    JSON answer is kept in the temporary directory, keyed by the stubs' content.
    """

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._members: dict[tuple[str, tuple[str, ...]], tuple[Member, ...]] | None = None
        self._lock = threading.Lock()

    def members(self, dialect: str, path: tuple[str, ...] = ()) -> tuple[Member, ...]:
        """The public members of the dialect's namespace at ``path`` (``("axis",)``)."""
        if self._members is None:
            with self._lock:
                if self._members is None:
                    self._members = self._load()
        return self._members.get((dialect, path), ())

    def member(self, dialect: str, path: tuple[str, ...]) -> Member | None:
        """The member at ``path`` (its last part is the name), or None."""
        if not path:
            return None
        for member in self.members(dialect, path[:-1]):
            if member.name == path[-1]:
                return member
        return None

    def warm(self) -> None:
        """Load the members now (from a background thread)."""
        self.members("tir")

    def _load(self) -> dict[tuple[str, tuple[str, ...]], tuple[Member, ...]]:
        root = self._root or stub_root()
        digest = hashlib.sha256(str(root).encode())
        for path in sorted(root.rglob("*.pyi")):
            digest.update(path.read_bytes())
        cache = Path(tempfile.gettempdir()) / f"tvmscript-members-{digest.hexdigest()[:16]}.json"
        if (raw := _read_json(cache)) is None:
            # One process reads the stubs; servers started meanwhile wait for its answer (or,
            # when it failed a moment ago, do not try again).
            failed = cache.with_suffix(".failed")
            with _exclusive(cache.with_suffix(".lock")):
                if (raw := _read_json(cache)) is None:
                    if _recent(failed):
                        raise RuntimeError(f"reading the stubs failed: {failed.read_text()}")
                    try:
                        raw = _members_from_child(root, cache)
                    except (OSError, subprocess.SubprocessError, ValueError) as exc:
                        failed.write_text(_describe(exc), encoding="utf-8")
                        raise
        return {
            (entry["dialect"], tuple(entry["path"])): tuple(
                Member(
                    m["name"],
                    m["kind"],
                    m["signature"],
                    tuple(Param(*p) for p in m["params"]),
                    m["doc"],
                )
                for m in entry["members"]
            )
            for entry in raw
        }


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _recent(path: Path, seconds: float = 600.0) -> bool:
    try:
        return time.time() - path.stat().st_mtime < seconds
    except OSError:
        return False


def _describe(exc: Exception) -> str:
    stderr = getattr(exc, "stderr", None)
    last = stderr.strip().splitlines()[-1] if isinstance(stderr, str) and stderr.strip() else ""
    return f"{exc}: {last}" if last else str(exc)


def _members_from_child(root: Path, cache: Path) -> Any:
    """Run ``python -m tvmscript_server.stub_index ROOT``; keep its answer in ``cache``."""
    command = [sys.executable, "-m", "tvmscript_server.stub_index", str(root)]
    done = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True, timeout=120
    )
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(done.stdout, encoding="utf-8")
    partial.replace(cache)
    return json.loads(done.stdout)


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (released when the process dies, too)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: each process reads the stubs itself
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _exit_with_parent() -> None:
    """End this child when the server that started it is gone (its answer has no reader)."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def read_members(root: Path) -> list[dict[str, Any]]:
    """Every namespace's members, by jedi over the stubs (what the child process prints)."""
    import jedi  # type: ignore[import-untyped]

    from tvmscript.script.parser.api import DIALECT_MODULES

    modules = {dialect: DIALECT_MODULES[dialect] for dialect in _DIALECTS}
    project = jedi.Project(str(root), sys_path=[str(root)], smart_sys_path=False)
    out: list[dict[str, Any]] = []
    todo: list[tuple[str, tuple[str, ...]]] = [(dialect, ()) for dialect in modules]
    while todo:
        dialect, path = todo.pop(0)
        code = f"import {modules[dialect]} as _ns\n_ns.{''.join(p + '.' for p in path)}"
        found = jedi.Script(code, project=project).complete(2, len(code.split("\n")[1]))
        public = [c for c in found if not c.name.startswith("_") and _in_stubs(c, root)]
        members = sorted((_member(c) for c in public), key=lambda m: m.name)
        out.append({"dialect": dialect, "path": list(path), "members": [
            {"name": m.name, "kind": m.kind, "signature": m.signature, "doc": m.doc,
             "params": [[p.name, p.text, p.kind] for p in m.params]} for m in members
        ]})  # fmt: skip
        todo += [(dialect, (*path, m.name)) for m in members if m.kind == "module"]
    return out


def _in_stubs(completion: Any, root: Path) -> bool:
    """Whether jedi found the name in our stubs (not a module they import, like ``inspect``)."""
    where = completion.module_path
    return where is None or Path(where).resolve().is_relative_to(root.resolve())


def _member(completion: Any) -> Member:
    """A `Member` from a ``jedi.api.classes.Completion`` (jedi is untyped)."""
    signatures = _signatures(completion)
    params: tuple[Param, ...] = ()
    signature = ""
    if signatures:
        # Overloads come narrowest first (``T.grid(e0)``, ``T.grid(e0, e1)``, ...); the last
        # is the general form (``T.grid(*extents)``) that a user reads.
        general = signatures[-1]
        signature = clean(general.to_string())
        params = tuple(
            Param(p.name, clean(p.to_string()), p.kind.name)
            for p in general.params
            if p.name not in ("self", "cls")
        )
    doc = completion.docstring(raw=True) if completion.type != "module" else ""
    return Member(completion.name, completion.type, signature, params, doc)


def _signatures(completion: Any) -> list[Any]:
    """The signatures jedi infers for a completion (none when it cannot).

    jedi's first inference in a process may fail on a parso cache miss (a ``KeyError`` after
    a recursion inside jedi), and succeed when asked again.
    """
    for _attempt in range(3):
        try:
            return list(completion.get_signatures())
        except (KeyError, RecursionError):
            continue
    return []


def clean(text: str) -> str:
    """Signature text without the stubs' private qualifiers (``_ir.PrimExpr`` → ``PrimExpr``)."""
    return _SUPPORT_PREFIX.sub("", text)


if __name__ == "__main__":
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    json.dump(read_members(Path(sys.argv[1])), sys.stdout)
