"""Settings that change what is checked and how findings are decided.

Bottom layer: imports only the model. Loading from files (issue: configuration) builds one of
these; the library and the CLI take it as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

from garblecheck.model import Severity


class Verdict(StrEnum):
    """A document's overall judgement, listed from least to most alarming: the order in which
    a ``fail-on`` verdict is compared."""

    CLEAN = "clean"
    SUSPECT = "suspect"
    GARBLED = "garbled"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


# What makes a run exit 1: a finding at or above a severity (a gate per finding), a document
# whose verdict is at or above a verdict (a gate per article), or nothing (None: "never").
FailOn: TypeAlias = Severity | Verdict | None


def fails(bar: FailOn, worst: Severity | None, verdict: Verdict) -> bool:
    """Whether a document with this worst finding severity and this verdict reaches the bar."""
    if isinstance(bar, Verdict):
        return verdict.rank >= bar.rank
    return bar is not None and worst is not None and worst >= bar


@dataclass
class Thresholds:
    """Numbers the decision stage uses; changing them never requires re-running analysers."""

    # a document is "garbled" when its score reaches this, "suspect" when anything is flagged
    garbled_score: float = 0.5


@dataclass
class Config:
    """Everything a run can be told: rule selection, severities, dates, locale, limits."""

    select: list[str] = field(default_factory=list)  # codes or prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # per-code override
    fail_on: FailOn = Severity.WARNING
    date: dt.date | None = None  # default article date when the article states none
    locale: str | None = None  # "en-GB" or "en-US"; None = infer from the text
    thresholds: Thresholds = field(default_factory=Thresholds)
    rule_paths: list[str] = field(default_factory=list)  # extra rule files or folders
    max_bytes: int = 20 * 1024 * 1024
    accepted_terms: list[str] = field(default_factory=list)
    # the embedded Harper engine, on by default: it parses only the sentences one of its rules
    # could fire in (about one news sentence in twelve); its findings are notes (info)
    grammar: bool = True
    languagetool_url: str | None = None  # a LanguageTool server, or "local" for $LTP_PATH
    languagetool_timeout: float = 10.0
    metrics: bool = False  # readability per document and sentence (loads textstat: ~2 s)
    # the paraphrase model of the [meaning] extra judges each copy sentence against its source
    # (about 14 ms a sentence on two cores, against 1 ms for the shipped classifier)
    meaning: bool = False

    def enabled(self, code: str) -> bool:
        """Whether a rule code is switched on by ``select``/``ignore`` (longest prefix wins)."""
        best_sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if self.select and best_sel < 0:
            return False
        return best_ign < 0 or best_sel > best_ign
