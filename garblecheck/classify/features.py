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

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from garblecheck.classify import pair
from garblecheck.comparison.align import similarity
from garblecheck.comparison.tokens import tokenize
from garblecheck.fluency import FEATURES as FLUENCY
from garblecheck.fluency import sentence_features
from garblecheck.knowledge.phrases import sentence_pairs, token_spans
from garblecheck.knowledge.preferences import argument_features
from garblecheck.knowledge.spelling import dialect_scores
from garblecheck.meaning.features import DESCRIPTIONS as MEANING_DESCRIPTIONS
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
    "surprisal",  # total word-pair surprise (nats): longer and odder sentences hold more errors
    "foreign_script",  # letters outside the Latin script (untranslated text)
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
    *pair.FEATURES,
    "similarity",  # alignment similarity of the pair (content words and trigrams)
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
    "surprisal": "a long sentence of unusual word sequences",
    "foreign_script": "letters of another script",
    "similarity": "little in common with the source",
    "chrf": "wording far from the source",
    "chrf_missing": "much of the source's wording changed",
    "word_precision": "words the source does not have",
    "word_recall": "words of the source left out",
    "pair_precision": "word pairs the source does not have",
    "pair_recall": "word pairs of the source left out",
    "missing_words": "many words of the source left out",
    "missing_pairs": "many word pairs of the source changed",
    "length_ratio": "length different from the source",
    "source_words": "a long source sentence",
    "numbers_changed": "numbers different from the source",
    "names_changed": "names different from the source",
    "logprob_drop": "reads less naturally than the source",
    "logprob_min_drop": "a word pair less natural than any in the source",
    "odd_max_gain": "an odd word pair the source does not have",
    "unexplained": "words the source does not have",
    "dropped": "words of the source left out",
} | MEANING_DESCRIPTIONS | {
    f"{origin}_{what}": f"{label} ({what})"
    for origin, label in (("rules", "rule hits"), ("compare", "differences from the source"))
    for what in (*GROUPS, "warning", "info")
}

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
_GB, _US = "en-GB", "en-US"
_FOREIGN = re.compile(r"[^\W\d_\x00-\u024f]")  # letters after Latin Extended-B


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
    spans = sentence_pairs(s.text).spans  # cached: the rules tokenised the sentence already
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
        "foreign_script": float(len(_FOREIGN.findall(s.text))),
        "mean_word_length": sum(map(len, words)) / n_words,
        "capital_share": sum(w[0].isupper() for w in words[1:]) / n_words,
        "number_share": keys.count("0") / n_tok,
        "punct_share": sum(not (k[0].isalnum() or k[0] == "'") for k in keys) / n_tok,
        "commas": float(keys.count(",")),
        "brackets": float(keys.count("(") + keys.count("[")),
        "quoted_share": s.quoted_share,
        "first_person": float(sum(
            k in _FIRST_PERSON
            for k in (keys if outside == s.text else (k for k, _, _ in token_spans(outside)))
        )),
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


def _source(s: SentenceInput, source: str) -> dict[str, float]:
    copy_keys = {t.key for t in tokenize(s.text) if t.content}
    source_keys = {t.key for t in tokenize(source) if t.content}
    return {
        **pair.values(s.text, source),
        "similarity": similarity(s.text, source),
        "unexplained": len(copy_keys - source_keys) / max(len(copy_keys), 1),
        "dropped": len(source_keys - copy_keys) / max(len(source_keys), 1),
    } | _hits(s.findings, "compare")


def values(s: SentenceInput) -> dict[str, float]:
    """Every feature of the sentence by name: the reference-free ones, and the source ones
    when ``s.source`` is set."""
    out = sentence_features(s.text) | argument_features(s.text) | _shape(s)
    out["surprisal"] = -out["logprob_mean"] * max(len(sentence_pairs(s.text).spans) - 1, 0)
    out |= _hits(s.findings, "rules")
    if s.source is not None:
        out |= _source(s, s.source)
    return out


def vector(s: SentenceInput, names: Sequence[str]) -> list[float]:
    """The features ``names`` of one sentence, in that order (a model's input row)."""
    found = values(s)
    return [found[name] for name in names]
