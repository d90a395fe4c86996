"""Every configuration key: its TOML name, how its value is checked, and the Config field it sets.

One table serves the configuration files and the command-line options, so a value is validated
the same way wherever it comes from. A parser returns the normalised value or raises ValueError
with the problem, which the caller turns into a ConfigError naming the file (or option) and key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from garblecheck.config import Config, FailOn, Thresholds, Verdict
from garblecheck.inputs.options import DEFAULT_INCLUDE
from garblecheck.model import Severity

Parse = Callable[[object, Path], object]  # (raw value, folder relative paths start from)

LOCALES = ("en-GB", "en-US")
# fail-on: a severity bars findings (a gate per finding), a verdict bars documents (per article)
FAIL_ON: dict[str, FailOn] = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "garbled": Verdict.GARBLED,
    "suspect": Verdict.SUSPECT,
    "never": None,
}
_CODE = re.compile(r"^[A-Z]{2}[0-9]{0,3}$")


def _strings(value: object, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of {what}")
    return list(value)


def _codes(value: object, _: Path) -> list[str]:
    codes = [c.strip().upper() for c in _strings(value, "rule codes")]
    bad = [c for c in codes if not _CODE.match(c)]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a rule code or prefix (such as 'GC1' or 'GC101')")
    return codes


def _globs(value: object, _: Path) -> tuple[str, ...]:
    return tuple(_strings(value, "glob patterns"))


def _terms(value: object, _: Path) -> list[str]:
    return [" ".join(t.split()) for t in _strings(value, "terms") if t.strip()]


def _paths(value: object, folder: Path) -> list[str]:
    return [str(folder / p) for p in _strings(value, "paths")]


def _choice(choices: tuple[str, ...]) -> Callable[[object, Path], str]:
    def parse(value: object, _: Path) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return str(value)

    return parse


def severity(value: object, _: Path) -> Severity:
    """A severity name: error, warning or info."""
    return Severity(_choice(tuple(s.value for s in Severity))(value, _))


def _fail_on(value: object, _: Path) -> FailOn:
    return FAIL_ON[_choice(tuple(FAIL_ON))(value, _)]


def _date(value: object, _: Path) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form")


def _flag(value: object, _: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _text(value: object, _: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value


def _number(low: float, high: float | None) -> Parse:
    def parse(value: object, _: Path) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        if value < low or (high is not None and value > high):
            raise ValueError(f"{value} is out of range ({low} to {high or 'any'})")
        return float(value)

    return parse


def _count(value: object, _: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("expected a positive whole number")
    return value


@dataclass(frozen=True)
class Key:
    """A configuration key. ``field`` is the Config attribute it sets (None for the input
    selection globs, which are not analysis settings); ``per_path`` says whether an override
    section may set it."""

    name: str
    parse: Parse
    field: str | None
    per_path: bool = True


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("select", _codes, "select"),
        Key("ignore", _codes, "ignore"),
        Key("fail-on", _fail_on, "fail_on"),
        Key("locale", _choice(LOCALES), "locale"),
        Key("date", _date, "date"),
        Key("accepted-terms", _terms, "accepted_terms"),
        Key("rules", _paths, "rule_paths"),
        Key("grammar", _flag, "grammar"),
        Key("languagetool-url", _text, "languagetool_url"),
        Key("languagetool-timeout", _number(0.1, None), "languagetool_timeout"),
        Key("metrics", _flag, "metrics"),
        Key("meaning", _flag, "meaning"),
        Key("max-bytes", _count, "max_bytes"),
        Key("include", _globs, None, per_path=False),
        Key("exclude", _globs, None, per_path=False),
    )
}
# tables whose entries are set one by one (an override changes one code's severity only)
SEVERITY = "severity"
THRESHOLDS = "thresholds"
THRESHOLD_KEYS: dict[str, Parse] = {"garbled-score": _number(0.0, 1.0)}
OVERRIDES = "overrides"


def is_code(name: str) -> bool:
    """Whether a severity table key is a full rule code."""
    return bool(_CODE.match(name)) and len(name) == 5


def defaults() -> dict[str, object]:
    """The value of every key when nothing sets it (flattened: ``thresholds.garbled-score``)."""
    base = Config()
    values: dict[str, object] = {
        name: getattr(base, key.field) for name, key in KEYS.items() if key.field
    }
    values["include"], values["exclude"] = DEFAULT_INCLUDE, ()
    for name in THRESHOLD_KEYS:
        values[f"{THRESHOLDS}.{name}"] = getattr(base.thresholds, name.replace("-", "_"))
    return values


def build(values: dict[str, object]) -> Config:
    """The Config that flattened, validated values describe."""
    fields: dict[str, object] = {}
    severities: dict[str, Severity] = {}
    thresholds: dict[str, object] = {}
    for name, value in values.items():
        table, _, entry = name.partition(".")
        if table == SEVERITY and entry:
            assert isinstance(value, Severity)
            severities[entry] = value
        elif table == THRESHOLDS and entry:
            thresholds[entry.replace("-", "_")] = value
        elif KEYS[name].field:
            fields[str(KEYS[name].field)] = value
    return Config(
        **fields,  # type: ignore[arg-type]
        severity=severities,
        thresholds=Thresholds(**thresholds),  # type: ignore[arg-type]
    )
