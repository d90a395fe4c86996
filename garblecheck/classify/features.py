"""Sentence features for the classifier: signs of garbling, never of topic.

No feature looks at which words a sentence uses, only at how they combine (word-pair statistics
from clean English; verbs and the classes of nouns they take), how the sentence is built
(length, names, numbers, punctuation, quotations, first person, dialect) and what the other
analysers found in it (rule hits; with a source, the differences compare mode classified).
So "Ukraine" cannot become a sign of garbling the way it would in a bag of words trained on
2020-22 news.

Training and run time build the same ``SentenceInput`` and call the same functions, so the
shipped model sees exactly the features it was fitted on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from garblecheck.comparison.align import similarity
from garblecheck.comparison.tokens import tokenize
from garblecheck.fluency import FEATURES as FLUENCY
from garblecheck.fluency import sentence_features
from garblecheck.knowledge.phrases import token_spans
from garblecheck.knowledge.preferences import argument_features
from garblecheck.knowledge.spelling import dialect_scores
from garblecheck.model import Finding, Severity

# finding categories pooled into one count each: what kind of problem another analyser saw
GROUPS: Mapping[str, frozenset[str]] = {
    "knowledge": frozenset({"title", "institution", "name"}),
    "tortured": frozenset({"tortured"}),
    "meaning": frozenset({"meaning", "number"}),
    "grammar": frozenset({"grammar", "repetition", "fluency"}),
    "locale": frozenset({"locale"}),
    "quote": frozenset({"quote"}),
    "omission": frozenset({"omission"}),
}

_SHAPE = (
    "words",  # word tokens
    "mean_word_length",
    "capital_share",  # capitalised words after the first: names and titles
    "number_share",
    "punct_share",
    "commas",
    "brackets",
    "quoted_share",  # share of the sentence inside quotation marks (document context)
    "first_person",  # I/we/my/our... outside quotation marks
    "dialect_foreign",  # spellings of the other dialect than the article's (or mixed)
    "repeated_word",  # the most repeated content word, beyond its first use
)
_ARGUMENTS = ("argument_odd_max", "argument_odd_count")  # selectional preferences (GC203)
_RULES = ("rules_warning", "rules_info", *(f"rules_{g}" for g in GROUPS))
REFERENCE_FREE: tuple[str, ...] = (*FLUENCY, *_ARGUMENTS, *_SHAPE, *_RULES)

_SOURCE = (
    "similarity",  # alignment similarity of the pair (content words and trigrams)
    "char_f",  # character 3-gram F-score, as chrF but light
    "length_ratio",  # log of copy words over source words
    "unexplained",  # share of the copy's content words the source does not have
    "dropped",  # share of the source's content words the copy does not have
    "compare_warning",
    "compare_info",
    *(f"compare_{g}" for g in GROUPS),
)
WITH_SOURCE: tuple[str, ...] = (*REFERENCE_FREE, *_SOURCE)

# how a finding message names a feature that pushed the probability up
DESCRIPTIONS: Mapping[str, str] = {
    "logprob_mean": "word sequences unusual for clean news",
    "logprob_min": "a word unexpected after the one before it",
    "assoc_mean": "neighbouring words that rarely go together",
    "assoc_min": "a pair of neighbours that rarely go together",
    "odd_share": "many unusual word pairs for clean news",
    "odd_max": "unusual word pairs for clean news",
    "window_pmi_min": "nearby words that clean news keeps apart",
    "synonym_max": "a word where clean news uses a synonym",
    "rare_share": "many words outside common English",
    "argument_odd_max": "a verb with an object or subject it rarely takes",
    "argument_odd_count": "several verbs with odd objects or subjects",
    "words": "sentence length",
    "mean_word_length": "word length",
    "capital_share": "many capitalised words",
    "number_share": "many numbers",
    "punct_share": "unusual punctuation",
    "commas": "many commas",
    "brackets": "brackets",
    "quoted_share": "quotation structure",
    "first_person": "first person outside quotation marks",
    "dialect_foreign": "mixed British and American spelling",
    "repeated_word": "a repeated word",
    "similarity": "little in common with the source",
    "char_f": "wording far from the source",
    "length_ratio": "length different from the source",
    "unexplained": "words the source does not have",
    "dropped": "words of the source left out",
} | {
    f"{origin}_{what}": f"{label} ({what})"
    for origin, label in (("rules", "rule hits"), ("compare", "differences from the source"))
    for what in (*GROUPS, "warning", "info")
}

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_GB, _US = "en-GB", "en-US"


@dataclass(frozen=True)
class SentenceInput:
    """What the features of one sentence are computed from: its text, document facts, the
    findings of the other analysers inside it, and (compare mode) its aligned source text."""

    text: str
    quoted_share: float = 0.0
    locale: str | None = None
    findings: Sequence[Finding] = field(default_factory=tuple)
    source: str | None = None


def _shape(s: SentenceInput) -> dict[str, float]:
    spans = token_spans(s.text)
    keys = [k for k, _, _ in spans]
    words = [s.text[a:b] for k, a, b in spans if k[0].isalpha()]
    n_tok, n_words = max(len(keys), 1), max(len(words), 1)
    outside = _QUOTED.sub(" ", s.text)
    scores = dialect_scores(s.text)
    if s.locale in (_GB, _US):
        foreign = scores[_US if s.locale == _GB else _GB]
    else:
        foreign = min(scores[_GB], scores[_US])
    content = Counter(w.lower() for w in words if len(w) > 3)
    return {
        "words": float(len(words)),
        "mean_word_length": sum(map(len, words)) / n_words,
        "capital_share": sum(w[0].isupper() for w in words[1:]) / n_words,
        "number_share": keys.count("0") / n_tok,
        "punct_share": sum(not (k[0].isalnum() or k[0] == "'") for k in keys) / n_tok,
        "commas": float(keys.count(",")),
        "brackets": float(keys.count("(") + keys.count("[")),
        "quoted_share": s.quoted_share,
        "first_person": float(
            sum(k in _FIRST_PERSON for k, _, _ in token_spans(outside))
        ),
        "dialect_foreign": foreign,
        "repeated_word": float(max(content.values(), default=1) - 1),
    }


def _hits(findings: Sequence[Finding], origin: str) -> dict[str, float]:
    own = [f for f in findings if f.origin == origin]
    out = {
        f"{origin}_warning": float(sum(f.severity >= Severity.WARNING for f in own)),
        f"{origin}_info": float(sum(f.severity is Severity.INFO for f in own)),
    }
    for group, categories in GROUPS.items():
        out[f"{origin}_{group}"] = float(sum(f.category in categories for f in own))
    return out


def _char_f(copy: str, source: str, n: int = 3) -> float:
    """F-score (beta 2, recall-weighted as chrF) of character n-grams, spaces removed."""
    a, b = copy.replace(" ", "").lower(), source.replace(" ", "").lower()
    ca = Counter(a[i : i + n] for i in range(len(a) - n + 1))
    cb = Counter(b[i : i + n] for i in range(len(b) - n + 1))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 5 * p * r / (4 * p + r)


def _source(s: SentenceInput, source: str) -> dict[str, float]:
    copy_keys = {t.key for t in tokenize(s.text) if t.content}
    source_keys = {t.key for t in tokenize(source) if t.content}
    copy_words, source_words = len(s.text.split()), len(source.split())
    return {
        "similarity": similarity(s.text, source),
        "char_f": _char_f(s.text, source),
        "length_ratio": math.log((copy_words + 1) / (source_words + 1)),
        "unexplained": len(copy_keys - source_keys) / max(len(copy_keys), 1),
        "dropped": len(source_keys - copy_keys) / max(len(source_keys), 1),
    } | _hits(s.findings, "compare")


def values(s: SentenceInput) -> dict[str, float]:
    """Every feature of the sentence by name: the reference-free ones, and the source ones
    when ``s.source`` is set."""
    out = sentence_features(s.text) | argument_features(s.text) | _shape(s)
    out |= _hits(s.findings, "rules")
    if s.source is not None:
        out |= _source(s, s.source)
    return out


def vector(s: SentenceInput, names: Sequence[str]) -> list[float]:
    """The features ``names`` of one sentence, in that order (a model's input row)."""
    found = values(s)
    return [found[name] for name in names]
