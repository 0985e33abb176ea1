"""A YAML reader that remembers where every key and item was written.

Pydantic reports errors by path (`tree[0].bands[1].min`); to tell an evaluator *where* in the
file the mistake is, the data handed to pydantic are dict/list subclasses that carry the file,
line and column of each key and item. Numbers become `Decimal` built from the scalar's text
(never via a binary float), so `0.1` stays exactly `Decimal('0.1')`.
"""

from __future__ import annotations

import re
import stat as stat_
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assessor.errors import AssessorError, Problem, Said
from assessor.text.catalogue import said

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
_TEXT_TAGS = frozenset(
    {STR_TAG, TIMESTAMP_TAG, "tag:yaml.org,2002:binary", "tag:yaml.org,2002:value"}
)
#: libyaml's safe loader where PyYAML has it (≈ 10× faster, the same nodes and marks), else the
#: pure-Python one; also what reads a file's top-level keys elsewhere (report/source.py).
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")


@dataclass(frozen=True, slots=True)
class Mark:
    """A place in a file; line and column are 1-based."""

    file: str
    line: int
    column: int

    def __reduce__(self) -> tuple[type[Mark], tuple[str, int, int]]:
        # Pickled by its fields (the set cache holds thousands): the default for a frozen
        # dataclass with slots looks its fields up again for every mark it unpickles.
        return Mark, (self.file, self.line, self.column)

    def problem(
        self,
        message: str,
        key: str | None = None,
        *,
        code: str | None = None,
        severity: str = "error",
    ) -> Problem:
        return Problem(
            message,
            file=self.file,
            line=self.line,
            column=self.column,
            key=key,
            code=code,
            severity=severity,
        )


NOWHERE = Mark("<input>", 1, 1)


class LocDict(dict[str, Any]):
    """A mapping that knows where it, each of its keys and each of its values was written."""

    mark: Mark
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]

    def __init__(self, mark: Mark = NOWHERE) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks = {}
        self.value_marks = {}

    def put(self, key: str, value: Any, key_mark: Mark, value_mark: Mark | None = None) -> None:
        """Set `key`, remembering where it (and its value) came from."""
        self[key] = value
        self.key_marks[key] = key_mark
        self.value_marks[key] = value_mark or key_mark

    def drop(self, key: str) -> None:
        self.pop(key, None)
        self.key_marks.pop(key, None)
        self.value_marks.pop(key, None)

    def key_mark(self, key: str) -> Mark:
        return self.key_marks.get(key, self.mark)

    def value_mark(self, key: str) -> Mark:
        return self.value_marks.get(key, self.key_mark(key))


class LocList(list[Any]):
    """A sequence that knows where it and each of its items was written."""

    mark: Mark
    item_marks: list[Mark]

    def __init__(self, mark: Mark = NOWHERE) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks = []

    def push(self, value: Any, mark: Mark) -> None:
        self.append(value)
        self.item_marks.append(mark)

    def insert_at(self, index: int, value: Any, mark: Mark) -> None:
        self.insert(index, value)
        self.item_marks.insert(index, mark)

    def pop_at(self, index: int) -> Any:
        if index < len(self.item_marks):
            self.item_marks.pop(index)
        return self.pop(index)

    def item_mark(self, index: int) -> Mark:
        if 0 <= index < len(self.item_marks):
            return self.item_marks[index]
        return self.mark


def mark_of(node: Node, file: str) -> Mark:
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def clone(value: Any) -> Any:
    """A deep copy that keeps the marks (extends edits copies, never the parent's data)."""
    if isinstance(value, LocDict):
        out = LocDict(value.mark)
        for k, v in value.items():
            out.put(k, clone(v), value.key_mark(k), value.value_mark(k))
        return out
    if isinstance(value, LocList):
        lst = LocList(value.mark)
        for i, v in enumerate(value):
            lst.push(clone(v), value.item_mark(i))
        return lst
    if isinstance(value, dict):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone(v) for v in value]
    return value


class _Builder:
    """Turns a composed YAML node tree into LocDict/LocList/scalars, collecting problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")
        self.done: dict[int, Any] = {}
        self.busy: set[int] = set()

    def build(self, node: Node) -> Any:
        key = id(node)
        if key in self.done:
            return self.done[key]
        if key in self.busy:
            self.problems.append(mark_of(node, self.file).problem(said("load.alias_self")))
            return None
        self.busy.add(key)
        try:
            if isinstance(node, MappingNode):
                value: Any = self.mapping(node)
            elif isinstance(node, SequenceNode):
                value = self.sequence(node)
            else:
                value = self.scalar(node)
        finally:
            self.busy.discard(key)
        self.done[key] = value
        return value

    def scalar(self, node: Node) -> Any:
        assert isinstance(node, ScalarNode)
        text: str = node.value
        tag = node.tag
        if tag == FLOAT_TAG:
            return _decimal(text)
        if tag == INT_TAG:
            if _LEADING_ZERO.match(text):
                return text  # 0371: a code, not an octal number
            try:
                return self.constructor.construct_yaml_int(node)
            except (ValueError, TypeError):
                return text
        if tag == BOOL_TAG:
            return self.constructor.construct_yaml_bool(node)
        if tag == NULL_TAG:
            return None
        if tag in _TEXT_TAGS:
            return text
        self.problems.append(mark_of(node, self.file).problem(said("load.yaml_tag", tag=repr(tag))))
        return text

    def sequence(self, node: SequenceNode) -> LocList:
        if node.tag not in (SEQ_TAG,):
            self._bad_tag(node)
        out = LocList(mark_of(node, self.file))
        for item in node.value:
            out.push(self.build(item), mark_of(item, self.file))
        return out

    def mapping(self, node: MappingNode) -> LocDict:
        if node.tag not in (MAP_TAG,):
            self._bad_tag(node)
        out = LocDict(mark_of(node, self.file))
        merged: list[LocDict] = []
        for key_node, value_node in node.value:
            kmark = mark_of(key_node, self.file)
            if isinstance(key_node, ScalarNode) and key_node.tag == MERGE_TAG:
                merged.extend(self._merge_sources(value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.append(kmark.problem(said("load.key_not_text")))
                continue
            key = str(key_node.value)
            if key in out:
                first = out.key_mark(key)
                self.problems.append(
                    kmark.problem(
                        said("load.duplicate_key", key=repr(key), line=first.line),
                        key=key,
                        code="duplicate-key",
                    )
                )
                continue
            out.put(key, self.build(value_node), kmark, mark_of(value_node, self.file))
        for source in merged:
            for k, v in source.items():
                if k not in out:
                    out.put(k, clone(v), source.key_mark(k), source.value_mark(k))
        return out

    def _merge_sources(self, node: Node) -> list[LocDict]:
        value = self.build(node)
        items = value if isinstance(value, list) else [value]
        out = [v for v in items if isinstance(v, LocDict)]
        if len(out) != len(items):
            self.problems.append(mark_of(node, self.file).problem(said("load.merge_mappings")))
        return out

    def _bad_tag(self, node: Node) -> None:
        self.problems.append(
            mark_of(node, self.file).problem(said("load.yaml_tag", tag=repr(node.tag)))
        )


def _decimal(text: str) -> Decimal | str:
    """A YAML float as an exact Decimal from its text; `.inf`/`.nan` stay text (then rejected)."""
    clean = text.replace("_", "")
    if ":" in clean:  # YAML 1.1 sexagesimal, 1:30.5
        sign = -1 if clean.startswith("-") else 1
        total = Decimal(0)
        for part in clean.lstrip("+-").split(":"):
            try:
                total = total * 60 + Decimal(part)
            except InvalidOperation:
                return text
        return sign * total
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return text
    return value if value.is_finite() else text


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def parse_yaml(text: str, file: str = "<input>") -> Any:
    """Parse YAML text into located data; raises AssessorError with every problem found."""
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "invalid YAML"
        context = said("punct.paren", text=exc.context) if exc.context else ""
        raise AssessorError(
            Problem(
                said("load.yaml_syntax", what=what, context=context),
                file=file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                code="yaml",
            )
        ) from None
    except yaml.YAMLError as exc:
        line = column = None
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line, column = _position_of(text, position)
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise AssessorError(
            Problem(
                said("load.yaml_error", reason=reason),
                file=file,
                line=line,
                column=column,
                code="yaml",
            )
        ) from None
    except RecursionError:
        raise AssessorError(Problem(said("load.yaml_too_deep"), file=file, code="yaml")) from None
    if node is None:
        raise AssessorError(
            Problem(said("load.empty_file"), file=file, line=1, column=1, code="yaml")
        )
    builder = _Builder(file)
    try:
        data = builder.build(node)
    except RecursionError:
        raise AssessorError(Problem(said("load.yaml_too_deep"), file=file, code="yaml")) from None
    if builder.problems:
        raise AssessorError(builder.problems)
    return data


#: The largest YAML file read (sets, entries, workspace and regions files); bigger ones are
#: refused at once instead of being parsed for a minute.
MAX_YAML_BYTES = 20 * 1024 * 1024


#: The kinds of file callers name (``read_mapping(path, "a tasks file")``), by catalogue key.
_FILE_KINDS = {
    "an indicator set": "set",
    "an entries": "entries",
    "a tasks file": "tasks",
    "a workspace file": "workspace",
    "a regions file": "regions",
}


def file_kind(what: str) -> str:
    """The words for a kind of file in each language (a `Said`): a kind named by its English
    phrase, or a format (``YAML file`` → YAML 文件); anything else stays as given."""
    if isinstance(what, Said):
        return what
    key = _FILE_KINDS.get(what)
    if key is not None:
        return said(f"load.file.{key}")
    fmt = what.removesuffix(" file")
    return said("load.file.format", fmt=fmt) if fmt != what and fmt.isupper() else what


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a folder, a FIFO, a device
    (/dev/zero) or a bigger file is refused before it is read (OSError subclasses are the
    caller's to word)."""
    st = path.stat()  # follows symlinks: a link to /dev/zero is a device
    if stat_.S_ISDIR(st.st_mode):
        raise IsADirectoryError(str(path))
    if not stat_.S_ISREG(st.st_mode):
        raise AssessorError(
            Problem(
                said("load.not_regular", what=file_kind(what)),
                file=str(path),
                code="file",
            )
        )
    if st.st_size > limit:
        raise AssessorError(
            Problem(
                said(
                    "load.too_large",
                    size=f"{st.st_size:,}",
                    limit=f"{limit:,}",
                    what=file_kind(what),
                ),
                file=str(path),
                code="file",
            )
        )
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise AssessorError(
            Problem(said("load.too_large_growing", limit=f"{limit:,}"), file=str(path), code="file")
        )
    return data


def read_text(path: Path | str) -> str:
    """A file's text; anything but readable UTF-8 becomes a located Problem."""
    name = str(path)
    try:
        raw = read_limited(Path(path), MAX_YAML_BYTES, "YAML file")
    except FileNotFoundError:
        raise AssessorError(Problem(said("load.no_such_file"), file=name, code="file")) from None
    except IsADirectoryError:
        raise AssessorError(
            Problem(said("load.is_folder", what=file_kind("YAML file")), file=name, code="file")
        ) from None
    except OSError as exc:
        raise AssessorError(
            Problem(said("load.cannot_read", reason=exc.strerror or exc), file=name, code="file")
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise AssessorError(
            Problem(
                said("load.not_utf8", byte=f"{raw[exc.start]:02x}"),
                file=name,
                line=line,
                column=column,
                code="encoding",
            )
        ) from None


def read_mapping(path: Path | str, what: str = "an indicator set") -> LocDict:
    """Read a YAML file whose top level must be a mapping."""
    name = str(path)
    data = parse_yaml(read_text(path), name)
    if not isinstance(data, LocDict):
        kind = (
            said("load.found_list")
            if isinstance(data, list)
            else said("load.found_value", value=repr(str(data)[:40]))
        )
        raise AssessorError(
            Problem(
                said("load.not_mapping", what=file_kind(what), found=kind),
                file=name,
                line=1,
                column=1,
                code="yaml",
            )
        )
    return data
