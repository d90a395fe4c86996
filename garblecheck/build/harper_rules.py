"""Choose the Harper rules garblecheck runs, shipped as ``rules/knowledge/harper-rules.json``.

Run from the repository root::

    python -m garblecheck.build.harper_rules --data ../shared/data --out rules/knowledge

Harper has about 900 rules and running them all costs twenty times its parse; garblecheck
reports a few groups of them. The grammar rule files claim Harper's rules by lint category,
which Harper only shows on the lints it returns, so the choice is made here, once, from data:
every default rule is run over learner English (JFLEG's sentences), over their corrections
(all four references) and over clean news (the first sentences of the ABC, WSJ, NYT/APW and
CNN/DM corpora; never the BBC set, which stays the held-out clean measure). A rule is enabled
when a Harper rule file claims it, by name (always) or by category (only when the data shows
it marks learner English: seen at least ``MIN_HITS`` times there, and ``MIN_RATIO`` times as
often as on the corrections and on clean news). Harper's own spell check is never run: the
engine's check of unknown words does its job far faster. The file also holds the word lists
that let the engine skip sentences none of these rules could fire in
(``garblecheck.build.harper_probes``).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from garblecheck.build.harper_probes import triggers
from garblecheck.grammar.harper import RULES_FILE as FILE
from garblecheck.grammar.harper import RULES_VERSION as VERSION
from garblecheck.packs import packs_dir
from garblecheck.rules.kinds.grammar import GrammarKind
from garblecheck.rules.loader import build_kinds, parse_rule, rule_files

MIN_HITS = 2  # learner sentences a rule must mark
MIN_RATIO = 3.0  # its learner rate over its rate on corrections and on clean news
CLEAN = (
    "news_abc_au2006",
    "news_wsj_ptbsample_conll2000",
    "news_ieer_nyt_apw1998",
    "news_cnndm_lc",
)
CLEAN_SENTENCES = 3000  # per corpus, whole documents from the start
# CNN/DM is lower-cased upstream: its capitalisation lints say nothing about clean news
LOWER_CASED = frozenset({"news_cnndm_lc"})
SPELL_CHECK = "SpellCheck"

_DETOK = (
    (re.compile(r" ([.,!?;:%)\]])"), r"\1"),
    (re.compile(r"([(\[$]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
)


def detokenise(text: str) -> str:
    """JFLEG's sentences as written: it splits off punctuation and clitics, which Harper would
    flag on the learner side and the corrected side alike."""
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def jfleg(data: Path) -> tuple[list[str], list[str]]:
    """The learner sentences of JFLEG's dev set and all their corrections, detokenised."""
    learner: list[str] = []
    corrected: list[str] = []
    with (data / "jfleg" / "jfleg-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            learner.append(detokenise(row["src"]))
            corrected.extend(detokenise(ref) for ref in row["refs"])
    return learner, corrected


def corpus_sentences(path: Path, limit: int) -> Iterator[str]:
    """The sentences of whole documents from the start of a corpus, until ``limit``."""
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                count += 1
                yield line
            elif count >= limit:
                return


def claimed() -> tuple[frozenset[str], list[GrammarKind]]:
    """The Harper rules the rule files name, and their kinds (which claim by category)."""
    specs = [parse_rule(p) for p in rule_files([packs_dir() / "grammar"])]
    kinds = [k for k in build_kinds(specs) if isinstance(k, GrammarKind) and k.engine == "harper"]
    return frozenset().union(*(k.rules for k in kinds)), kinds


class Tally:
    """Per rule, how many sentences of each sample it marks, and its lint category."""

    def __init__(self) -> None:
        import harper

        self.linter = harper.Linter(harper.Dialect.AMERICAN)
        config = self.linter.get_default_lint_config()
        self.linter.set_lint_config(
            {rule: on and rule != SPELL_CHECK for rule, on in config.items()}
        )
        self.known = frozenset(config) - {SPELL_CHECK}
        self.kinds: dict[str, str] = {}
        self.hits: dict[str, Counter[str]] = {}
        self.sentences: Counter[str] = Counter()

    def add(self, sample: str, sentence: str, *, skip_kind: str | None = None) -> None:
        self.sentences[sample] += 1
        found = self.hits.setdefault(sample, Counter())
        for rule, lints in self.linter.organized_lints(sentence, language="plaintext").items():
            if lints and lints[0].lint_kind != skip_kind:
                self.kinds[rule] = lints[0].lint_kind
                found[rule] += 1

    def rate(self, sample: str, rule: str) -> float:
        """The share of the sample's sentences the rule marks, one sentence added to each
        side so that a rule never seen there has a small rate, not none."""
        return (self.hits[sample][rule] + 1) / (self.sentences[sample] + 1)


def tally(data: Path) -> Tally:
    """Harper's default rules over the three samples, one sentence per call."""
    counts = Tally()
    learner, corrected = jfleg(data)
    for sentence in learner:
        counts.add("learner", sentence)
    for sentence in corrected:
        counts.add("corrected", sentence)
    for name in CLEAN:
        path = data / "corpus" / f"{name}.sent.txt.gz"
        skip = "Capitalization" if name in LOWER_CASED else None
        for sentence in corpus_sentences(path, CLEAN_SENTENCES):
            counts.add("clean", sentence, skip_kind=skip)
    return counts


def select(counts: Tally, named: frozenset[str], kinds: list[GrammarKind]) -> list[str]:
    """The rules to enable: Harper rules named, and claimed ones that mark learner English."""
    chosen = set(named & counts.known)
    for rule, kind in counts.kinds.items():
        if not any(k.claims("harper", rule, kind) for k in kinds):
            continue
        learner = counts.rate("learner", rule)
        other = max(counts.rate("corrected", rule), counts.rate("clean", rule))
        if counts.hits["learner"][rule] >= MIN_HITS and learner >= MIN_RATIO * other:
            chosen.add(rule)
    return sorted(chosen)


def build(data: Path, out: Path) -> str:
    counts = tally(data)
    named, kinds = claimed()
    enabled = select(counts, named, kinds)
    samples = ("learner", "corrected", "clean")
    document: dict[str, Any] = {
        "version": VERSION,
        "harper": metadata.version("harper-py"),
        "sentences": {s: counts.sentences[s] for s in samples},
        "enabled": enabled,
        "rules": {
            rule: {"kind": counts.kinds[rule], **{s: counts.hits[s][rule] for s in samples}}
            for rule in sorted(counts.kinds)
        },
        "triggers": triggers(data / "corpus"),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / FILE).write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return f"{FILE}: {len(enabled)} of {len(counts.kinds)} rules seen enabled"


if __name__ == "__main__":
    from garblecheck.build import run

    run("harper_rules")
