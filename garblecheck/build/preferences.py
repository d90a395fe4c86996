"""Build the selectional-preference table (``rules/knowledge/preferences.npz``).

    python -m garblecheck.build.preferences [--data ../shared/data] [--out rules/knowledge]

One streaming pass over ``corpus/*.sent.txt.gz`` finds approximate predicate-argument pairs
with the patterns of ``garblecheck.knowledge.preferences.extract`` (no tagger: WordNet says what
each word form can be) and counts, per predicate, the WordNet noun classes of its arguments,
each argument spread over its senses' classes by sense rank (1/rank, normalised). Word forms
are the phrase table's vocabulary, so the build and the run time classify the same words. The
BBC set is not read: it measures how quiet the checks stay on clean news. The output is
byte-for-byte reproducible (fixed order everywhere, a zip with fixed timestamps).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import sys
import tarfile
import time
from array import array
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from garblecheck.build.lexicon import _members
from garblecheck.build.phrases import CORPORA, FUNCTION_WORDS, save
from garblecheck.knowledge.lexicon import lexicon
from garblecheck.knowledge.phrases import phrase_table
from garblecheck.knowledge.preferences import (
    CLASSES,
    FILE,
    OBJECT_PRONOUNS,
    PARTICLES,
    RELATION_PREFIX,
    VERSION,
    Role,
    extract,
    sentence_roles,
)

README = "PREFERENCES-README.md"
NOUN_FILES = range(3, 29)  # lex_filenum of noun.Tops .. noun.time
MIN_PREDICATE = 20  # predicates seen with fewer arguments are not shipped
EXAMPLES = 3  # commonest arguments kept per predicate, for messages
CHUNK = 20_000
_INFLECTED = ("s", "ed", "ing")
_PLURAL = ("s", "men", "ren", "eet", "eeth")  # a noun's other forms: "killed" is no noun
PERSON = "someone"  # the noun an object pronoun stands for
SHARPEN = 3  # rounds of re-weighting each argument's senses by its predicate's classes


class WordNet:
    """Per part of speech: each lemma's synsets in sense order, and each synset's lemmas and
    lexicographer file. Lemmas only written with a capital (names) do not count."""

    def __init__(self, tarball: Path) -> None:
        self.senses: dict[str, dict[str, list[str]]] = {}
        self.members: dict[str, dict[str, list[str]]] = {}
        self.noun_file: dict[str, int] = {}  # noun synset -> lex_filenum
        with tarfile.open(tarball) as tar:
            for name in ("noun", "verb", "adj"):
                self._read(tar, name)

    def _read(self, tar: tarfile.TarFile, pos: str) -> None:
        members: dict[str, list[str]] = {}
        for line in _members(tar, f"data.{pos}"):
            fields = line.split(" | ", 1)[0].split()
            count = int(fields[3], 16)
            words = [w.split("(")[0].replace("_", " ") for w in fields[4 : 4 + 2 * count : 2]]
            members[fields[0]] = [w for w in words if w.islower()]
            if pos == "noun":
                self.noun_file[fields[0]] = int(fields[1])
        senses: dict[str, list[str]] = {}
        for line in _members(tar, f"index.{pos}"):
            fields = line.split()
            lemma = fields[0].replace("_", " ")
            offsets = fields[6 + int(fields[3]) :]
            kept = [o for o in offsets if lemma in members[o]]
            if kept:
                senses[lemma] = kept
        self.senses[pos], self.members[pos] = senses, members

    def noun_classes(self, lemma: str) -> npt.NDArray[np.float64]:
        """The noun's senses spread over the 26 classes, weighted 1/rank² and normalised."""
        out = np.zeros(len(CLASSES))
        if lemma == PERSON:  # WordNet files the synset "person" under noun.Tops
            out[CLASSES.index("person")] = 1.0
            return out
        for rank, offset in enumerate(self.senses["noun"][lemma], 1):
            out[self.noun_file[offset] - NOUN_FILES.start] += 1.0 / rank**2
        normalised: npt.NDArray[np.float64] = out / out.sum()
        return normalised

    def synonyms(self, pos: str, lemma: str) -> list[str]:
        """Other lemmas sharing a synset with ``lemma``, in sense order."""
        seen: dict[str, None] = {}
        for offset in self.senses[pos].get(lemma, ()):
            for word in self.members[pos][offset]:
                if word != lemma:
                    seen[word] = None
        return list(seen)


class Classifier:
    """What each word form of the phrase vocabulary can be, with predicate and noun ids
    assigned on first sight (the final ids are given after pruning)."""

    def __init__(self, wn: WordNet) -> None:
        self.wn = wn
        self.vocab = set(phrase_table().ids)
        self.predicates: defaultdict[str, int] = defaultdict(lambda: len(self.predicates))
        self.nouns: defaultdict[str, int] = defaultdict(lambda: len(self.nouns))
        self.roles: dict[str, Role | None] = {}
        self.phrasal: dict[tuple[int, str], int] = {}
        for lemma in wn.senses["verb"]:
            verb, _, particle = lemma.partition(" ")
            if particle in PARTICLES and verb in wn.senses["verb"]:
                self.phrasal[(self.predicates["v:" + verb], particle)] = self.predicates[
                    "v:" + lemma
                ]

    def __call__(self, form: str) -> Role | None:
        if form not in self.roles:
            self.roles[form] = self._classify(form)
        return self.roles[form]

    def _classify(self, form: str) -> Role | None:
        if form not in self.vocab or not form.isalpha():
            return None
        if form in OBJECT_PRONOUNS:
            return Role(-1, False, -1, self.nouns[PERSON], -1)
        if form in FUNCTION_WORDS:
            return None
        lemmas = lexicon().lemmas(form)
        nouns = [
            lem
            for lem in lemmas
            if lem in self.wn.senses["noun"] and (lem == form or form.endswith(_PLURAL))
        ]
        verbs = [lem for lem in lemmas if lem in self.wn.senses["verb"]]
        inflected = [v for v in verbs if v != form]
        verb, base = -1, False
        if inflected and (form.endswith(_INFLECTED) or not form.endswith(("er", "est"))):
            verb = self.predicates["v:" + inflected[0]]
        elif form in verbs:
            verb, base = self.predicates["v:" + form], True
        adjective = self.predicates["a:" + form] if form in self.wn.senses["adj"] else -1
        noun = self.nouns[nouns[0]] if nouns else -1
        modifier = self.predicates["n:" + nouns[0]] if nouns and adjective < 0 else -1
        if verb < 0 and adjective < 0 and noun < 0:
            return None
        return Role(verb, base, adjective, noun, modifier)


def count_pairs(paths: list[Path], classify: Classifier) -> tuple[array[int], array[int]]:
    """Every predicate-argument pair of the corpora: predicate ids and noun ids."""
    preds, nouns = array("i"), array("i")
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            while lines := list(itertools.islice(fh, CHUNK)):
                for line in lines:
                    spans, roles = sentence_roles(line, classify)
                    keys = [k for k, _, _ in spans]
                    for pair in extract(keys, roles, classify.phrasal):
                        role = roles[pair.head]
                        assert role is not None
                        preds.append(pair.predicate)
                        nouns.append(role.noun)
    return preds, nouns


def tables(
    classify: Classifier, preds: array[int], nouns: array[int]
) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    """The shipped arrays: predicates with enough arguments, their class shares, the forms
    and nouns the run time needs, synonyms and phrasal verbs."""
    wn = classify.wn
    pred_names = sorted(classify.predicates, key=classify.predicates.__getitem__)
    noun_names = sorted(classify.nouns, key=classify.nouns.__getitem__)
    weights = np.array([wn.noun_classes(n) for n in noun_names])
    p, a = np.frombuffer(preds, dtype=np.int32), np.frombuffer(nouns, dtype=np.int32)
    total = np.bincount(p, minlength=len(pred_names)).astype(np.float64)
    counts = sharpened(p, a, weights, len(pred_names))
    keep = sorted((n for i, n in enumerate(pred_names) if total[i] >= MIN_PREDICATE))
    new_id = {classify.predicates[n]: i for i, n in enumerate(keep)}
    old = np.array([classify.predicates[n] for n in keep], dtype=np.int64)
    relation = np.array([RELATION_PREFIX.index(n[:2]) for n in keep], dtype=np.int64)
    prior = np.stack([counts[old[relation == r]].sum(axis=0) for r in range(3)])
    prior /= prior.sum(axis=1, keepdims=True)

    forms = sorted(f for f, r in classify.roles.items() if r is not None)
    used_nouns = sorted({r.noun for f in forms if (r := classify.roles[f]) and r.noun >= 0})
    noun_id = {old_n: i for i, old_n in enumerate(used_nouns)}
    rows = []
    for f in forms:
        r = classify.roles[f]
        assert r is not None
        rows.append([new_id.get(r.verb, -1), int(r.base), new_id.get(r.adjective, -1),
                     noun_id.get(r.noun, -1), new_id.get(r.modifier, -1)])  # fmt: skip
    examples = _examples(p, a, old, noun_id)
    phrasal = [
        [new_id[v], PARTICLES.index(part), new_id[t]]
        for (v, part), t in sorted(classify.phrasal.items())
        if v in new_id and t in new_id
    ]
    offsets, flat = [0], []
    index = {n: i for i, n in enumerate(keep)}
    for name in keep:
        pos = {"v:": "verb", "a:": "adj", "n:": "noun"}[name[:2]]
        syn = [index[s] for w in wn.synonyms(pos, name[2:]) if (s := name[:2] + w) in index]
        flat.extend(syn)
        offsets.append(len(flat))
    arrays: dict[str, np.ndarray] = {
        "meta": np.array([VERSION], dtype=np.int64),
        "forms": _joined(forms),
        "form_roles": np.array(rows, dtype=np.int32),
        "predicates": _joined(keep),
        "pred_total": total[old].astype(np.float32),
        "pred_share": (counts[old] / total[old, None]).astype(np.float16),
        "pred_relation": relation.astype(np.uint8),
        "pred_examples": examples,
        "prior": prior,
        "nouns": _joined([noun_names[n] for n in used_nouns]),
        "noun_classes": weights[used_nouns].astype(np.float16),
        "phrasal": np.array(phrasal, dtype=np.int32).reshape(-1, 3),
        "syn_offsets": np.array(offsets, dtype=np.uint32),
        "syn_ids": np.array(flat, dtype=np.uint32),
    }
    stats = {
        "argument pairs": len(p),
        "verb-object pairs": int(np.isin(p, old[relation == 0]).sum()),
        "predicates kept": len(keep),
        "word forms": len(forms),
        "nouns": len(used_nouns),
    }
    return arrays, stats


def sharpened(
    p: npt.NDArray[np.int32],
    a: npt.NDArray[np.int32],
    weights: npt.NDArray[np.float64],
    size: int,
) -> npt.NDArray[np.float64]:
    """Class counts per predicate. Each argument starts spread over its senses' classes; then,
    a few times, its share in each class is re-weighted by how often the predicate takes that
    class (an EM-like step), so "stunned the world" counts as people, not as the planet."""
    keys, seen = np.unique(p.astype(np.int64) * len(weights) + a, return_counts=True)
    pred, noun = keys // len(weights), keys % len(weights)
    own = weights[noun].astype(np.float32)
    share = own
    for step in range(SHARPEN + 1):
        counts: npt.NDArray[np.float64] = np.stack(
            [np.bincount(pred, weights=seen * share[:, c], minlength=size) for c in range(26)],
            axis=1,
        ).astype(np.float64)
        if step == SHARPEN:
            return counts
        rows = (counts + 1.0) / (counts.sum(axis=1, keepdims=True) + 26.0)
        share = own * rows[pred].astype(np.float32)
        share /= share.sum(axis=1, keepdims=True)
    raise AssertionError("unreachable")


def _examples(
    p: npt.NDArray[np.int32],
    a: npt.NDArray[np.int32],
    old: npt.NDArray[np.int64],
    noun_id: dict[int, int],
) -> npt.NDArray[np.int32]:
    """The commonest arguments of each kept predicate (-1 pads), ties broken by noun id."""
    width = int(a.max()) + 1
    keys, counts = np.unique(p.astype(np.int64) * width + a, return_counts=True)
    order = np.lexsort((keys % width, -counts, keys // width))
    out = np.full((len(old), EXAMPLES), -1, dtype=np.int32)
    row_of = {int(o): i for i, o in enumerate(old)}
    filled: defaultdict[int, int] = defaultdict(int)
    for key in keys[order].tolist():
        row = row_of.get(key // width)
        if row is not None and filled[row] < EXAMPLES:
            out[row, filled[row]] = noun_id[key % width]
            filled[row] += 1
    return out


def _joined(words: list[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def readme(stats: dict[str, int]) -> str:
    lines = "\n".join(f"| {k} | {v:,} |" for k, v in stats.items())
    return f"""# Selectional preferences (`{FILE}`)

Which kinds of noun each verb takes as its object, each adjective describes and each noun
modifies, as shares of the 26 WordNet noun classes (lexicographer files: noun.person,
noun.artifact, noun.act, ...), for GC203 odd-argument ("stun a tank": 'stun' takes people and
animals) and the classifier's argument features. Generated by
`python -m garblecheck.build.preferences --data ../shared/data --out rules/knowledge`; do not
edit.

## What it holds

- predicates seen with at least {MIN_PREDICATE} arguments: per predicate the number of
  arguments, their shares per class (float16) and the {EXAMPLES} commonest arguments;
- per relation (verb-object, adjective-noun, noun-noun) the class shares of all arguments;
- the word forms of the phrase table's vocabulary that WordNet lists as a verb, adjective or
  noun, with the predicates they head and their noun's classes (senses weighted 1/rank);
- WordNet synonyms of each predicate (for suggestions) and phrasal verbs ("knock out").

Pairs are found without a tagger: an inflected verb form and a determiner, or a base form after
a modal, "to" or a pronoun, then up to three nouns and adjectives whose last is the object; an
adjective before a short noun phrase; a noun before a noun that ends its phrase. Capitalised
words inside a sentence are names and are skipped. The counts are noisy but large.

| statistic | value |
| --- | --- |
{lines}

## Sources and licences

Counts (not text) derived from the `corpus/` files of the project's development data:

- English Wikipedia, c. 2015 (`wiki_en2015`): CC BY-SA 3.0, Wikipedia contributors.
- CNN and Daily Mail articles (`news_cnndm_lc`, lower-cased upstream): the CNN/DailyMail
  research dataset (Hermann et al. 2015; See et al. 2017 chunks), research use.
- NLTK corpora: ABC Australia (`news_abc_au2006`), Penn Treebank WSJ sample
  (`news_wsj_ptbsample_conll2000`), NIST IE-ER NYT/APW 1998 (`news_ieer_nyt_apw1998`):
  research / non-commercial use.
- Noun classes, synonyms, phrasal verbs and word forms: Princeton WordNet 3.0 (WordNet 3.0
  licence, permissive), via `wordnet-3.0.tar.gz` (which includes `lexnames`) and the shipped
  `lexicon.json.gz`; the word-form vocabulary is the one of `phrases.npz`.

The method is class-based selectional preference (Resnik 1993, "Selection and Information";
Ciaramita and Johnson 2003 on WordNet supersenses). The BBC 2005 news set is not used.
"""


def build(data: Path, out: Path) -> str:
    """Build the table from ``data`` into ``out``; returns a summary line."""
    classify = Classifier(WordNet(data / "wordnet-3.0.tar.gz"))
    paths = [data / "corpus" / f"{name}.sent.txt.gz" for name in CORPORA]
    preds, nouns = count_pairs(paths, classify)
    arrays, stats = tables(classify, preds, nouns)
    out.mkdir(parents=True, exist_ok=True)
    save(out / FILE, arrays)
    (out / README).write_text(readme(stats), encoding="utf-8")
    size = (out / FILE).stat().st_size
    return ", ".join(f"{k} {v:,}" for k, v in stats.items()) + f"; {size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m garblecheck.build.preferences")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("rules/knowledge"))
    args = ap.parse_args(argv)
    started = time.monotonic()
    summary = build(args.data, args.out)
    print(f"{summary} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
