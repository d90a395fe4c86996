"""British and American spellings of the same word, and the dialect a text is written in.

The pairs are data (``rules/knowledge/spelling-gb-us.tsv``, built by
``garblecheck.build.spelling`` from the clean corpora). All word forms are lower case.

Pair classes, and what each form is evidence of:
- ``strong`` (colour/color, defence/defense): each form marks its own dialect;
- ``ize`` (organise/organize, encyclopaedia/encyclopedia): the British form marks British
  English, but the American form is only weak evidence (Oxford spelling writes -ize in British
  text);
- ``oneway`` (programme/program, licence/license, tyre/tire): the British form marks British
  English; the American form is also correct British English in another sense (a computer
  program, to license, to tire), so it marks nothing and is left out of ``us_to_gb``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from garblecheck.errors import RuleError
from garblecheck.packs import knowledge_path

GB = "en-GB"
US = "en-US"
PairClass = Literal["strong", "ize", "oneway"]
_CLASSES = ("strong", "ize", "oneway")
# weight of a form as evidence of its dialect, by (class, dialect of the form)
_WEIGHT: dict[tuple[str, str], float] = {
    ("strong", GB): 1.0,
    ("strong", US): 1.0,
    ("ize", GB): 1.0,
    ("ize", US): 0.5,
    ("oneway", GB): 1.0,
}
# lower-case words only: a capitalised word may be a name that keeps its spelling
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")

FILE_NAME = "spelling-gb-us.tsv"


@dataclass(frozen=True)
class Spelling:
    """What one word form says about the dialect: its dialect, the other dialect's form, how
    much it weighs as evidence (0 = none), and the class of its pair."""

    dialect: str
    other: str
    weight: float
    pair_class: PairClass


@cache
def _pairs() -> tuple[tuple[str, str, PairClass], ...]:
    path = knowledge_path(FILE_NAME)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(str(path), f"cannot read spelling pairs: {exc.strerror}") from exc
    pairs: list[tuple[str, str, PairClass]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[2] not in _CLASSES:
            raise RuleError(str(path), f"line {number}: expected gb<TAB>us<TAB>class")
        cls: PairClass = fields[2]  # type: ignore[assignment]
        pairs.append((fields[0], fields[1], cls))
    return tuple(pairs)


@cache
def gb_to_us() -> dict[str, str]:
    """British form -> American form, for every pair."""
    return {gb: us for gb, us, _ in _pairs()}


@cache
def us_to_gb() -> dict[str, str]:
    """American form -> British form, for pairs whose American form is not also British."""
    return {us: gb for gb, us, cls in _pairs() if cls != "oneway"}


@cache
def spellings() -> dict[str, Spelling]:
    """Every form that carries dialect evidence, with what it says."""
    table: dict[str, Spelling] = {}
    for gb, us, cls in _pairs():
        table[gb] = Spelling(GB, us, _WEIGHT[(cls, GB)], cls)
        if (cls, US) in _WEIGHT:
            table.setdefault(us, Spelling(US, gb, _WEIGHT[(cls, US)], cls))
    return table


def dialect_scores(text: str) -> dict[str, float]:
    """Weighted count of British and of American spellings among the lower-case words."""
    table = spellings()
    scores = {GB: 0.0, US: 0.0}
    for word in _LOWER_WORD.findall(text):
        spelling = table.get(word)
        if spelling is not None:
            scores[spelling.dialect] += spelling.weight
    return scores


def infer_locale(text: str) -> str | None:
    """The dialect the spellings clearly lean to ("en-GB" or "en-US"); None without evidence
    or when they are evenly mixed."""
    scores = dialect_scores(text)
    if scores[GB] > 0 and scores[GB] >= 2 * scores[US]:
        return GB
    if scores[US] > 0 and scores[US] >= 2 * scores[GB]:
        return US
    return None
