"""Read rule files strictly, as Vale reads its styles: every mistake is a one-line error naming
the file, the line and the key, never a traceback and never a silently ignored key.

Line numbers come from the YAML node tree (one parse yields both nodes and values). Errors a
kind finds in ``prepare`` (a pattern that does not compile) name the key; ``build_kinds`` then
looks up that key's line, on the error path only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

import garblecheck.rules.kinds  # noqa: F401  (registers every kind)
from garblecheck.errors import RuleError, yaml_problem
from garblecheck.model import CATEGORIES, Severity
from garblecheck.packs import packs_dir
from garblecheck.rules.base import KINDS, Example, Option, RuleKind, RuleSpec

_CODE = re.compile(r"^[A-Z]+[0-9]+$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXPLAIN_PARTS = ("what", "why", "example", "instead")
_EXAMPLE_KEYS = ("text", "date", "source", "locale")
_LOCALES = ("en-GB", "en-US")
_BASE_KEYS = (
    "code", "name", "kind", "category", "severity", "confidence", "message", "explain",
    "examples",
)  # fmt: skip
_KEY_IN_PROBLEM = re.compile(r"^key '([^']+)'")

Path_ = tuple[str | int, ...]


class _File:
    """One rule file being validated: its values and the line of every key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[Path_, int] = {}
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(str(path), f"cannot read rule file: {exc}") from None
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            self.data: Any = None if node is None else loader.construct_document(node)
        except yaml.YAMLError as exc:
            raise RuleError(str(path), yaml_problem(exc)) from None
        finally:
            loader.dispose()
        if node is not None:
            self._index(node, ())

    def _index(self, node: yaml.Node, at: Path_) -> None:
        self.lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if (*at, key.value) in self.lines:  # YAML would keep the last silently
                        first = self.lines[(*at, key.value)]
                        dotted = ".".join(str(p) for p in (*at, key.value))
                        problem = f"line {line}: key '{dotted}': already set on line {first}"
                        raise RuleError(str(self.path), problem)
                    self.lines[(*at, key.value)] = line
                    self._index(value, (*at, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._index(item, (*at, i))

    def line(self, at: Path_) -> int:
        """The line of the key at ``at``, or of its nearest known parent."""
        while at and at not in self.lines:
            at = at[:-1]
        return self.lines.get(at, 1)

    def error(self, at: Path_, problem: str) -> RuleError:
        """A RuleError at the line of ``at``, naming the key."""
        key = ".".join(str(p) for p in at)
        where = f"line {self.line(at)}: key '{key}'" if key else f"line {self.line(at)}"
        return RuleError(str(self.path), f"{where}: {problem}")


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {
        "str": "a string", "int": "an integer", "float": "a number", "bool": "true/false",
        "list": "a list", "dict": "a mapping",
    }  # fmt: skip
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def _is(value: object, kind: type | tuple[type, ...]) -> bool:
    """isinstance, except that true/false is not a number and an integer is a float."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool):
        return bool in kinds
    if isinstance(value, int) and float in kinds:
        return True
    return isinstance(value, kinds)


def _text(f: _File, data: dict[str, Any], key: str, at: Path_ = ()) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise f.error((*at, key), "must be a non-empty string")
    return value


def _example(f: _File, value: object, at: Path_) -> Example:
    if isinstance(value, str):
        return Example(text=value)
    if not isinstance(value, dict):
        raise f.error(at, "an example is a string or a mapping with 'text'")
    for key in value:
        if key not in _EXAMPLE_KEYS:
            raise f.error((*at, key), f"unknown key (allowed: {', '.join(_EXAMPLE_KEYS)})")
    text = _text(f, value, "text", at)
    date = value.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    if date is not None:
        try:
            dt.date.fromisoformat(str(date))
        except ValueError:
            raise f.error((*at, "date"), f"{date!r} is not a YYYY-MM-DD date") from None
    source = value.get("source")
    if source is not None and not isinstance(source, str):
        raise f.error((*at, "source"), "must be a string")
    locale = value.get("locale")
    if locale is not None and locale not in _LOCALES:
        raise f.error((*at, "locale"), f"must be one of {', '.join(_LOCALES)}")
    return Example(text=text, date=date, source=source, locale=locale)


def _examples(f: _File, data: dict[str, Any]) -> tuple[list[Example], list[Example]]:
    examples = data.get("examples", {})
    if not isinstance(examples, dict):
        raise f.error(("examples",), "must be a mapping with 'trigger' and 'quiet' lists")
    for key in examples:
        if key not in ("trigger", "quiet"):
            raise f.error(("examples", key), "unknown key (allowed: trigger, quiet)")
    out: dict[str, list[Example]] = {}
    for key in ("trigger", "quiet"):
        items = examples.get(key, [])
        if not isinstance(items, list):
            raise f.error(("examples", key), "must be a list")
        out[key] = [_example(f, item, ("examples", key, i)) for i, item in enumerate(items)]
    return out["trigger"], out["quiet"]


def _explain(f: _File, data: dict[str, Any]) -> dict[str, str]:
    explain = data.get("explain")
    if not isinstance(explain, dict):
        raise f.error(("explain",), f"must be a mapping with {', '.join(_EXPLAIN_PARTS)}")
    for key in explain:
        if key not in _EXPLAIN_PARTS:
            raise f.error(("explain", key), f"unknown key (allowed: {', '.join(_EXPLAIN_PARTS)})")
    return {part: _text(f, explain, part, ("explain",)).strip() for part in _EXPLAIN_PARTS}


def _options(f: _File, data: dict[str, Any], kind: type[RuleKind]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for key, opt in kind.options.items():
        if key not in data:
            if opt.required:
                raise f.error((), f"missing key '{key}' (required by kind '{kind.kind}')")
            options[key] = _default(opt)
            continue
        if not _is(data[key], opt.type):
            raise f.error((key,), f"must be {_type_name(opt.type)}")
        options[key] = data[key]
    return options


def _default(opt: Option) -> Any:
    """A fresh copy of a mutable default, so rules never share one list."""
    value = opt.default
    return type(value)(value) if isinstance(value, list | dict) else value


def parse_rule(path: Path) -> RuleSpec:
    """One rule file, validated against the common keys and its kind's options."""
    f = _File(path)
    data = f.data
    if not isinstance(data, dict):
        raise f.error((), "a rule file holds one mapping of keys (code, name, kind, ...)")
    for key in ("code", "name", "kind", "category", "severity", "message", "explain"):
        if key not in data:
            raise f.error((), f"missing key '{key}'")
    kind_name = _text(f, data, "kind")
    kind = KINDS.get(kind_name)
    if kind is None:
        raise f.error(("kind",), f"unknown kind '{kind_name}' (known: {', '.join(sorted(KINDS))})")
    for key in data:
        if key not in _BASE_KEYS and key not in kind.options:
            allowed = ", ".join([*_BASE_KEYS, *kind.options])
            raise f.error((str(key),), f"unknown key (allowed here: {allowed})")
    code = _text(f, data, "code")
    if not _CODE.match(code):
        raise f.error(("code",), f"{code!r} is not a code like GC101")
    name = _text(f, data, "name")
    if not _NAME.match(name):
        raise f.error(("name",), f"{name!r} is not kebab-case")
    category = _text(f, data, "category")
    if category not in CATEGORIES:
        raise f.error(("category",), f"must be one of {', '.join(CATEGORIES)}")
    severity = _text(f, data, "severity")
    if severity not in {s.value for s in Severity}:
        raise f.error(("severity",), "must be one of error, warning, info")
    confidence = data.get("confidence", 0.8)
    if not _is(confidence, float) or not 0.0 <= confidence <= 1.0:
        raise f.error(("confidence",), "must be a number from 0 to 1")
    trigger, quiet = _examples(f, data)
    return RuleSpec(
        code=code,
        name=name,
        kind=kind_name,
        category=category,  # type: ignore[arg-type]
        severity=Severity(severity),
        message=_text(f, data, "message"),
        explain=_explain(f, data),
        path=path,
        confidence=float(confidence),
        trigger=trigger,
        quiet=quiet,
        options=_options(f, data, kind),
    )


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """The rule files named, folders searched recursively; knowledge files are not rules."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.rglob("*.yaml"))
            files.extend(p for p in found if "knowledge" not in p.relative_to(path).parts)
        elif path.is_file():
            files.append(path)
        else:
            raise RuleError(str(path), "no such rule file or folder")
    return files


def load_rules(paths: Sequence[str | Path] | None = None, *, packs: bool = True) -> list[RuleSpec]:
    """The shipped rule packs (unless ``packs`` is False) plus the files and folders given,
    each validated; a code defined twice is an error naming both files."""
    sources: list[str | Path] = [packs_dir()] if packs else []
    sources.extend(paths or [])
    specs: list[RuleSpec] = []
    seen: dict[str, Path] = {}
    for path in rule_files(sources):
        spec = parse_rule(path)
        if spec.code in seen:
            raise _File(path).error(
                ("code",), f"{spec.code} is already defined in {seen[spec.code]}"
            )
        seen[spec.code] = path
        specs.append(spec)
    return specs


def build_kinds(specs: Iterable[RuleSpec]) -> list[RuleKind]:
    """An instance of its kind for every rule; ``prepare`` errors get the line of their key."""
    kinds: list[RuleKind] = []
    for spec in specs:
        kind = KINDS.get(spec.kind)
        if kind is None:
            raise _File(spec.path).error(("kind",), f"unknown kind '{spec.kind}'")
        try:
            kinds.append(kind(spec))
        except RuleError as exc:
            raise _with_line(spec.path, exc) from None
    return kinds


def _with_line(path: Path, exc: RuleError) -> RuleError:
    """The kind's error about a key of ``path``, with that key's line when it has none."""
    found = _KEY_IN_PROBLEM.match(exc.problem)
    if exc.path != str(path) or found is None or not path.is_file():
        return exc
    at: Path_ = tuple(found.group(1).split("."))
    return RuleError(str(path), f"line {_File(path).line(at)}: {exc.problem}")
