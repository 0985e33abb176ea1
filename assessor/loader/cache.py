"""A cache of loaded indicator sets, so that a command does not validate an unchanged set again.

Validating a set is most of a command's start-up after the imports: pydantic builds the set's
validation schema (about 0.1 s) before it checks a single node. A set that loaded without a
problem is therefore kept, pickled, with the located data it came from, under a key made of

- the file's bytes and its resolved path (the located data names the file), and
- a fingerprint of the code that reads it: assessor's version and folder, the size and mtime
  of every module of `assessor.model` and `assessor.loader`, and the pydantic, pydantic-core
  and Python versions.

Only self-contained sets are kept: a set that `extends` another also depends on its parent and
on the folder it is found in, so it is loaded from its files every time (a small marker records
that, so the check is not repeated). A set with a problem is never kept. Anything wrong with
the cache (unwritable, corrupt, from another version) means the set is loaded as if there were
none, so behaviour is the same with or without it.

The cache lives in `$ASSESSOR_CACHE_DIR`, else `$XDG_CACHE_HOME/assessor`, else
`~/.cache/assessor`; `ASSESSOR_NO_CACHE=1` turns it off. It holds the user's own files' results,
like Python's own `__pycache__`.
"""

from __future__ import annotations

import hashlib
import pickle
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assessor.cachedir import cache_dir, write_atomically

if TYPE_CHECKING:
    from assessor.loader.located import LocDict
    from assessor.model.indicator_set import IndicatorSet

Loaded = tuple["IndicatorSet", "LocDict"]
T = TypeVar("T")

#: What a key's file holds when the set extends another (so it is not cached).
_NOT_CACHED = b"extends"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_FORMAT = b"assessor-set-cache 1"


@cache
def code_fingerprint() -> bytes:
    """Changes whenever the code that turns a file into a set could have changed."""
    import pydantic
    import pydantic_core

    from assessor import __version__

    parts = [_FORMAT, __version__.encode(), sys.version.encode(), str(_PACKAGE_DIR).encode()]
    parts.append(f"pydantic {pydantic.VERSION} {pydantic_core.__version__}".encode())
    for package in ("model", "loader"):
        for module in sorted((_PACKAGE_DIR / package).glob("*.py")):
            st = module.stat()
            parts.append(f"{module.name} {st.st_size} {st.st_mtime_ns}".encode())
    return hashlib.sha256(b"\n".join(parts)).digest()


def _key(path: Path, kind: str = "sets", code: tuple[Path, ...] = ()) -> Path | None:
    """The cache file for `path` as it is now, read as `kind` by `code` (modules beyond model
    and loader), or None (no cache, unreadable, too large)."""
    from assessor.loader.located import MAX_YAML_BYTES

    folder = cache_dir()
    if folder is None:
        return None
    try:
        resolved = path.resolve()
        if not stat.S_ISREG(resolved.stat().st_mode):
            return None  # a device or a pipe (/dev/zero, a FIFO): only the loader reads those
        with resolved.open("rb") as fh:
            data = fh.read(MAX_YAML_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_YAML_BYTES:
        return None
    digest = hashlib.sha256(code_fingerprint())
    for module in code:
        st = module.stat()
        digest.update(f"{module} {st.st_size} {st.st_mtime_ns}\0".encode())
    digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(str(resolved).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return folder / kind / f"{digest.hexdigest()}.pickle"


#: The sets this process has already taken from (or put in) the cache, by cache file: a command
#: asks for its workspace's set several times (the workspace, the import, the export each load
#: it), and unpickling a set costs ≈ 10 ms each time. The key names the file's bytes and the
#: code, so an entry is never stale; sets are frozen models, so sharing one is safe. (Workspace
#: and regions files are not kept here: their models can be changed by their reader.)
_IN_PROCESS: dict[Path, object] = {}
_IN_PROCESS_MAX = 16


def _remember(target: Path, loaded: object) -> None:
    if len(_IN_PROCESS) >= _IN_PROCESS_MAX:
        _IN_PROCESS.pop(next(iter(_IN_PROCESS)))  # the oldest
    _IN_PROCESS[target] = loaded


def _read(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None


def _unpickled(payload: bytes | None, is_loaded: Callable[[object], bool]) -> object | None:
    """What a cache file holds when it is a loaded result; None for anything else (absent,
    corrupt, from other code): then the file is loaded as if there were no cache."""
    if payload is None or payload == _NOT_CACHED:
        return None
    try:
        found = pickle.loads(payload)
    except Exception:
        return None
    return found if is_loaded(found) else None


def cached_set(path: Path, load: Callable[[], Loaded]) -> Loaded:
    """`load()`'s result for the set file `path`, from the cache when the file is unchanged."""
    target = _key(path)
    if target is None:
        return load()
    if target in _IN_PROCESS:
        return _IN_PROCESS[target]  # type: ignore[return-value]
    payload = _read(target)
    found = _unpickled(payload, _is_loaded)
    if found is not None:
        _remember(target, found)
        return found  # type: ignore[return-value]
    if payload == _NOT_CACHED:
        return load()
    loaded = load()  # raises AssessorError on any problem: nothing is cached then
    if _extends(path):
        write_atomically(target, _NOT_CACHED)
    else:
        write_atomically(target, pickle.dumps(loaded, protocol=5))
        _remember(target, loaded)
    return loaded


def cached_file(
    path: Path,
    kind: str,
    load: Callable[[], T],
    is_loaded: Callable[[object], bool],
    code: tuple[Path, ...] = (),
) -> T:
    """`load()`'s result for a file that is validated on its own (a workspace file, a regions
    file: what it holds depends on its bytes and the code reading it only), from the cache when
    the file and that code are unchanged; `code` names the modules beyond model and loader that
    read it. Like sets: a file with a problem raises and is never kept, anything wrong with the
    cache means loading as if there were none."""
    target = _key(path, kind, code)
    if target is None:
        return load()
    found = _unpickled(_read(target), is_loaded)
    if found is not None:
        return found  # type: ignore[return-value]
    loaded = load()
    write_atomically(target, pickle.dumps(loaded, protocol=5))
    return loaded


def _extends(path: Path) -> bool:
    """Whether the file itself says `extends` (then it depends on more than its bytes)."""
    from assessor.errors import AssessorError
    from assessor.loader.located import read_mapping

    try:
        return "extends" in read_mapping(path)
    except AssessorError:  # pragma: no cover - it loaded a moment ago
        return True


def _is_loaded(found: object) -> bool:
    from assessor.loader.located import LocDict
    from assessor.model.indicator_set import IndicatorSet

    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], IndicatorSet)
        and isinstance(found[1], LocDict)
    )
