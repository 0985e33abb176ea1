"""Replaying a read-only command whose inputs have not changed, as `make` or ruff's cache do.

`assessor lint`, `score` and `status` read files (a set, entries, a workspace and its SQLite
database) and print. Run again on the same inputs they print the same, yet each pays some
0.4 s of imports (pydantic, the models, the engine) before reading a byte. So the first run of
a command line is *recorded*: what it printed (stdout and stderr, in order), its exit code, and
every input it touched, traced as it ran:

- every file it opened (Python's audit event ``open``), with a SHA-256 of the bytes;
- every path it looked at without opening (``os.stat``/``os.lstat``, which `exists()`,
  `is_file()` and friends use): whether it was there, a file or a folder, its size and mtime;
- every folder it listed (``os.listdir``/``os.scandir``, as a glob does): the names and kinds;
- every SQLite database it connected to: the 100-byte header (with SQLite's change counter),
  size and mtime of the file, and the bytes of its write-ahead log;
- every module loaded (stdlib, pydantic, assessor's own …): size and mtime, so new code or an
  upgraded package is a new run;

and the key that finds the record holds the command line, the working folder, the whole
environment but for a few shell bookkeeping variables, whether each standard stream is a
terminal and its size, and today's date (tasks are late or on time by the date).

The next run with the same key checks every traced input (stat calls and a hash of the small
input files: a few milliseconds) and, if all are as recorded, prints what was printed and exits
with the same code, without importing the rest of assessor. Anything else, and it runs anew.

A run is not recorded when it did something its record could not replay or check: it wrote a
file outside the cache, read standard input, used the network (a PostgreSQL workspace) or a
subprocess, wrote bytes to a stream, was interrupted, or raised. The cache is off with
`ASSESSOR_NO_CACHE=1`; `ASSESSOR_CACHE_TRACE=1` says on stderr whether a run was replayed,
recorded, or why not.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from assessor.cachedir import cache_dir

#: The commands whose runs are replayed: they only read.
COMMANDS = frozenset({"lint", "score", "status"})
_FORMAT = b"assessor-run 1"
#: Shell bookkeeping that changes between identical commands and never reaches the output.
#: And the cache's own trace, which writes past the record to the real stderr.
_VOLATILE_ENV = frozenset(
    {"_", "OLDPWD", "SHLVL", "PWD", "PS1", "PS2", "TMUX_PANE", "WINDOWID", "ASSESSOR_CACHE_TRACE"}
)
KEEP_RECORDS = 256  # past this many, the oldest quarter-and-more go
_MAX_INPUT_BYTES = 64 << 20  # a larger input is not hashed: the run is not recorded

Probe = tuple[Any, ...]
#: Audit events of a run that reached beyond its files: the network, another program.
_OUTSIDE = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.system")


def _trace(message: str) -> None:
    if os.environ.get("ASSESSOR_CACHE_TRACE", "") not in ("", "0"):
        print(f"assessor cache: {message}", file=sys.__stderr__)


def _stream(fd: int) -> tuple[bool, tuple[int, int] | None]:
    try:
        if not os.isatty(fd):
            return False, None
        size = os.get_terminal_size(fd)
        return True, (size.columns, size.lines)
    except OSError:
        return False, None


def run_key(argv: list[str]) -> str:
    """What must be equal for a recorded run to stand for this one (besides its inputs)."""
    env = sorted((k, v) for k, v in os.environ.items() if k not in _VOLATILE_ENV)
    parts = [
        _FORMAT,
        sys.executable,
        sys.version,
        argv,
        os.getcwd(),
        env,
        [_stream(fd) for fd in (0, 1, 2)],
        time.strftime("%Y-%m-%d"),
        os.umask(os.umask(0)),
    ]
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _file_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read(_MAX_INPUT_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MAX_INPUT_BYTES:
        return "too large"
    return hashlib.sha256(data).hexdigest()


def _stat(path: str, follow: bool = True) -> tuple[str, int, int] | None:
    import stat as st

    try:
        s = os.stat(path, follow_symlinks=follow)
    except (OSError, ValueError):
        return None
    if st.S_ISDIR(s.st_mode):
        # A folder changes whenever a file in it does; what is in it counts only where the run
        # listed it (a "list" probe), so here only that it is a folder.
        return "dir", 0, 0
    kind = "file" if st.S_ISREG(s.st_mode) else "link" if st.S_ISLNK(s.st_mode) else "other"
    return kind, s.st_size, s.st_mtime_ns


def _listing(path: str) -> tuple[tuple[str, bool], ...] | None:
    """A folder's names and kinds, but Python's bytecode cache: importing a module from a folder
    lists it and then writes its __pycache__ there, which is not an input (modules are traced
    apart, by their source)."""
    try:
        with os.scandir(path) as it:
            return tuple(sorted((e.name, e.is_dir()) for e in it if e.name != "__pycache__"))
    except OSError:
        return None


def _sqlite(path: str) -> tuple[Any, ...]:
    """A database's state as SQLite itself marks changes: the header's change counter (rollback
    journal mode) and the write-ahead log's bytes (WAL mode), with size and mtime besides."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        header = None
    return (
        header,
        _stat(path),
        _file_digest(path + "-wal"),
        _stat(path + "-journal"),
    )


def _observe(probe: Probe) -> Probe:
    """The probe taken again now: equal to the recorded one when nothing changed."""
    kind, path = probe[0], probe[1]
    if kind == "open":
        return (kind, path, _file_digest(path))
    if kind == "stat":
        return (kind, path, _stat(path, probe[3]), probe[3])
    if kind == "list":
        return (kind, path, _listing(path))
    if kind == "sqlite":
        return (kind, path, _sqlite(path))
    if kind == "module":
        return (kind, path, _stat(path))
    raise ValueError(kind)


def _probe(kind: str, path: str, follow: bool = True) -> Probe:
    if kind == "stat":
        return (kind, path, _stat(path, follow), follow)
    return _observe((kind, path))


class _Tee:
    """A text stream that writes through to the real one and keeps what was written, in order
    with the other stream's; asking for its bytes (`buffer`) makes the run unrecordable."""

    def __init__(self, real: TextIO, number: int, recorder: _Recorder) -> None:
        self._real = real
        self._number = number
        self._recorder = recorder

    def write(self, text: str) -> int:
        try:
            n = self._real.write(text)
        except BaseException:
            self._recorder.refuse("the output stream failed")
            raise
        self._recorder.chunks.append((self._number, text))
        return n

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    @property
    def buffer(self) -> Any:
        self._recorder.refuse("bytes written to a stream")
        return self._real.buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class _Stdin:
    """Standard input that makes the run unrecordable when anything reads it."""

    def __init__(self, real: TextIO, recorder: _Recorder) -> None:
        self._real = real
        self._recorder = recorder

    def __getattr__(self, name: str) -> Any:
        if name not in ("isatty", "fileno", "encoding", "errors", "name", "closed"):
            self._recorder.refuse("standard input read")
        return getattr(self._real, name)


class _Recorder:
    """Traces one run's inputs and output (see the module's docstring)."""

    def __init__(self, skip: tuple[str, ...]) -> None:
        self.on = False
        self.skip = skip  # the cache folder: what is there is the cache's own business
        self.probes: dict[tuple[str, str], Probe] = {}
        self.chunks: list[tuple[int, str]] = []
        self.refused: str | None = None
        self._busy = False

    def _own(self, path: str) -> bool:
        """In the cache folder (or the folder itself)."""
        return any(path == folder or path.startswith(folder + os.sep) for folder in self.skip)

    def refuse(self, why: str) -> None:
        if self.refused is None:
            self.refused = why

    def note(self, kind: str, path: object, follow: bool = True) -> None:
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str | os.PathLike):
            return  # a file descriptor: it was opened (and traced) by its path before
        text = os.path.abspath(os.fspath(path))
        if self._own(text) or (kind, text) in self.probes:
            return
        self._busy = True  # probing opens, stats and lists too: not traced
        try:
            self.probes[(kind, text)] = _probe(kind, text, follow)
        finally:
            self._busy = False

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on or self._busy:
            return
        if event == "open":
            path, mode, flags = args
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writes:
                if isinstance(path, str | bytes | os.PathLike):
                    self._wrote("wrote", path)
                return
            if isinstance(path, str | bytes | os.PathLike) and not _is_code(os.fsdecode(path)):
                self.note("open", path)
        elif event in ("os.listdir", "os.scandir"):
            where = args[0] if args and args[0] is not None else "."
            if isinstance(where, int):
                self.refuse(f"{event} of a folder descriptor")  # which folder: not traceable
            else:
                self.note("list", where)
        elif event == "sqlite3.connect":
            database = args[0]
            if isinstance(database, str | bytes | os.PathLike):
                name = os.fsdecode(database)
                if name == ":memory:" or name.startswith("file:"):
                    self.refuse(f"database {name}")
                else:
                    self.note("sqlite", name)
        elif event.startswith(_OUTSIDE):
            self.refuse(event)
        elif event in ("os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate"):
            where = args[0] if args else None
            if isinstance(where, str | bytes | os.PathLike):
                self._wrote(event, where)

    def _wrote(self, what: str, path: str | bytes | os.PathLike[str]) -> None:
        """A change to a file refuses the run, but in the cache and in Python's own bytecode
        cache (which the next run's imports check for themselves)."""
        text = os.path.abspath(os.fsdecode(path))
        if not self._own(text) and "__pycache__" not in text.split(os.sep):
            self.refuse(f"{what} {text}")  # (the folder itself is made by os.mkdir)


def _is_code(path: str) -> bool:
    """A module file, traced through the list of loaded modules instead."""
    return path.endswith((".py", ".pyc", ".so", ".pth"))


def _modules() -> list[Probe]:
    found: set[str] = set()
    for module in list(sys.modules.values()):
        where = getattr(module, "__file__", None)
        if isinstance(where, str):
            found.add(os.path.abspath(where))
    return [("module", path, _stat(path)) for path in sorted(found)]


class Memo:
    """One command line's record in the cache: replay it, or run and record."""

    def __init__(self, folder: Path, argv: list[str]) -> None:
        self.folder = folder
        self.file = folder / "runs" / f"{run_key(argv)}.pickle"

    @classmethod
    def for_run(cls, argv: list[str]) -> Memo | None:
        if not argv or argv[0] not in COMMANDS or "-" in argv:
            return None
        folder = cache_dir()
        return None if folder is None else cls(folder, argv)

    def replay(self) -> int | None:
        """The recorded exit code after printing the recorded output, or None (no record, or
        an input changed)."""
        try:
            record = pickle.loads(self.file.read_bytes())
            probes, chunks, code = record["probes"], record["chunks"], int(record["code"])
            for probe in probes:
                if _observe(probe) != probe:
                    _trace(f"changed since the record: {probe[0]} {probe[1]}")
                    return None
        except Exception:  # absent, corrupt or from other code: run as if there were none
            _trace("no record of this command line")
            return None
        streams = {1: sys.stdout, 2: sys.stderr}
        try:
            for number, text in chunks:
                streams[number].write(text)
            for stream in streams.values():
                stream.flush()
        except BrokenPipeError:  # `assessor score | head`: as the command itself would, exit 0
            return 0
        _trace(f"replayed ({len(probes)} inputs unchanged)")
        return code

    def record(self, run: Callable[[], int]) -> int:
        """`run()`'s exit code; its output and inputs kept for next time when it can be."""
        recorder = _Recorder((str(self.folder.resolve()), str(self.folder.absolute())))
        _RECORDERS.append(recorder)
        if len(_RECORDERS) == 1 and not _HOOKED:
            sys.addaudithook(_dispatch)  # an audit hook stays for the process: added once
            _HOOKED.append(True)
        real = (sys.stdout, sys.stderr, sys.stdin, os.stat, os.lstat)
        sys.stdout = _Tee(real[0], 1, recorder)
        sys.stderr = _Tee(real[1], 2, recorder)
        sys.stdin = _Stdin(real[2], recorder)
        os.stat = _traced_stat(real[3], recorder, follow=True)
        os.lstat = _traced_stat(real[4], recorder, follow=False)
        recorder.on = True
        try:
            code = run()
        except BaseException:
            recorder.refuse("the command raised")
            raise
        finally:
            recorder.on = False
            sys.stdout, sys.stderr, sys.stdin, os.stat, os.lstat = real
            _RECORDERS.remove(recorder)
        if code == 130:
            recorder.refuse("interrupted")
        if recorder.refused is not None:
            _trace(f"not recorded: {recorder.refused}")
            return code
        probes = [*recorder.probes.values(), *_modules()]
        record = {"probes": probes, "chunks": recorder.chunks, "code": code}
        from assessor.cachedir import write_atomically

        write_atomically(self.file, pickle.dumps(record, protocol=5))
        _trace(f"recorded ({len(probes)} inputs)")
        _prune(self.file.parent)
        return code


def _prune(folder: Path, keep: int = KEEP_RECORDS) -> None:
    """Keep the newest `keep` records (each some 70 kB): a user's command lines vary without end."""
    try:
        with os.scandir(folder) as it:
            records = [(e.stat().st_mtime_ns, e.path) for e in it if e.name.endswith(".pickle")]
    except OSError:
        return
    if len(records) <= keep:
        return
    import contextlib

    for _, path in sorted(records)[: len(records) - keep * 3 // 4]:
        with contextlib.suppress(OSError):  # another process pruned it first
            os.unlink(path)


_RECORDERS: list[_Recorder] = []
_HOOKED: list[bool] = []


def _dispatch(event: str, args: tuple[Any, ...]) -> None:
    for recorder in _RECORDERS:
        if recorder.on:
            recorder.audit(event, args)


def _traced_stat(real: Callable[..., Any], recorder: _Recorder, follow: bool) -> Any:
    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if recorder.on and not recorder._busy:
            if kwargs.get("dir_fd") is not None:
                recorder.refuse("stat relative to a folder descriptor")
            recorder.note("stat", path, follow and kwargs.get("follow_symlinks", True))
        return real(path, *args, **kwargs)

    return stat
