"""Labelled sentences for training and validating the sentence classifier.

Each loader yields ``Example`` rows (text, label 1 = garbled, document id, split). The split is
a hash of the document id and a seed, never of the row: every sentence of a document, and every
spun copy of it, falls on the same side, so validation measures documents the model never saw
(the ten translations of one MQM segment would otherwise leak across the split).

Sources (../shared/data/README.md): MQM newstest2020 (machine translation with expert error
annotations), BBC 2005 (clean British news), JFLEG (learner English and its corrections), and
spun copies of the BBC sentences (``garblecheck.training.spinner``).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any, Literal

from garblecheck.errors import InputError
from garblecheck.segment import segment
from garblecheck.training.spinner import DEFAULT_RATES, KINDS, names_in, spin

TRAIN = "train"
VALIDATION = "validation"


@dataclass(frozen=True)
class Example:
    """One labelled sentence. ``source`` is a clean version of the same content where one
    exists (the MQM reference, the JFLEG correction, the sentence a spun copy came from), for
    compare-mode features and the chrF baseline; ``origin`` says which loader and role made it."""

    text: str
    label: int  # 1 garbled, 0 clean
    doc: str
    split: str
    origin: str
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


def split_of(doc: str, seed: int = 0, validation: float = 0.2) -> str:
    """The split of a document: a share ``validation`` of documents, chosen by a hash of the
    seed and the id, so it is the same on every machine and run."""
    return VALIDATION if doc_hash(doc, seed, "\x00") < validation * 2**64 else TRAIN


def doc_hash(doc: str, seed: int, salt: str) -> int:
    """A 64-bit hash of a document id, the same on every machine: ``salt`` keeps the split's
    and the folds' draws independent."""
    digest = hashlib.sha256(f"{seed}{salt}{doc}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def jsonl_rows(path: Path | str, keys: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The objects of a JSONL file, blank lines skipped; a line that is not an object with
    ``keys`` is an error naming the file and the line, as is a file that is not UTF-8."""
    with open(path, encoding="utf-8") as fh:
        try:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield _object(line, keys, str(path), n)
        except UnicodeDecodeError:
            raise InputError(str(path), "not UTF-8 text") from None


def _object(line: str, keys: Sequence[str], path: str, n: int) -> dict[str, Any]:
    """Line ``n`` of a JSONL file as an object holding ``keys``."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {n}: not a JSON object ({exc})") from None
    if not isinstance(row, dict):
        raise InputError(path, f"line {n}: not a JSON object")
    if missing := [k for k in keys if k not in row]:
        raise InputError(path, f"line {n}: no {', '.join(missing)}")
    return row


MinorPolicy = Literal["skip", "clean"]


MQM_KEYS = ("hyp", "ref", "doc", "sys", "seg_id", "errors", "score", "has_major_accuracy",
            "is_human_translation")


def mqm(
    path: Path | str, *, seed: int = 0, validation: float = 0.2, minor: MinorPolicy = "skip"
) -> Iterator[Example]:
    """MQM newstest2020 zh-en: every system's hypothesis, with the human reference as source.

    Labels: a machine hypothesis with a Major accuracy error (any rater) is garbled, one with
    no error at all is clean; hypotheses with only minor (or only fluency) errors are skipped
    by default, being neither clearly garbled nor what clean copy looks like (``minor="clean"``
    keeps them as clean). Human translations are the references of the other rows and count
    as clean whatever the raters said (the annotation is kept in ``extra``).
    """
    for row in jsonl_rows(path, MQM_KEYS):
        human = bool(row["is_human_translation"])
        major = bool(row["has_major_accuracy"])
        if human:
            label, origin = 0, "mqm-ref"
        elif major:
            label, origin = 1, "mqm-hyp"
        elif not row["errors"] or minor == "clean":
            label, origin = 0, "mqm-hyp"
        else:
            continue
        spans = [(e["start"], e["end"]) for e in row["errors"]
                 if e["severity"] == "Major" and e["category"].startswith("Accuracy")]
        extra = {"score": row["score"], "sys": row["sys"], "seg_id": row["seg_id"],
                 "has_major_accuracy": major, "major_accuracy_spans": spans,
                 "errors": len(row["errors"])}
        doc = str(row["doc"])
        yield Example(row["hyp"], label, doc, split_of(doc, seed, validation), origin,
                      row["ref"], extra)


def bbc(path: Path | str, *, seed: int = 0, validation: float = 0.2) -> Iterator[Example]:
    """Sentences of the BBC articles' prose (clean); exact duplicate articles are skipped."""
    for row in jsonl_rows(path, ("id", "topic", "text")):
        if row.get("duplicate_of"):
            continue
        doc = str(row["id"])
        split = split_of(doc, seed, validation)
        for sentence in segment(row["text"]).sentences:
            yield Example(sentence.text, 0, doc, split, "bbc",
                          extra={"topic": row["topic"], "index": sentence.index})


def jfleg(path: Path | str, *, seed: int = 0, validation: float = 0.2) -> Iterator[Example]:
    """JFLEG: the learner's sentence (garbled, its first correction as source) and that
    correction (clean); both belong to the row's own document."""
    for row in jsonl_rows(path, ("id", "src", "refs")):
        doc = f"jfleg-{row['id']}"
        split = split_of(doc, seed, validation)
        correction = row["refs"][0]
        yield Example(row["src"], 1, doc, split, "jfleg-src", correction)
        yield Example(correction, 0, doc, split, "jfleg-ref", row["src"])


def spun(
    examples: Iterable[Example],
    rng: random.Random,
    *,
    untouched: float = 0.2,
    kinds: Sequence[str] = KINDS,
    rate: float | Mapping[str, float] = DEFAULT_RATES,
) -> Iterator[Example]:
    """Spun copies of clean sentences, grouped by document (as ``bbc`` yields them).

    A share ``untouched`` of the copies is left as it is and labelled clean (so that "has a
    source and is identical" is not a shortcut); the others get at least one edit where the
    sentence allows any, and are labelled garbled, with the edits in ``extra``. Names of the
    whole document feed the entity swaps. Each copy keeps its document and split.
    """
    for _doc, group in groupby(examples, key=lambda e: e.doc):
        sentences = [e for e in group if e.label == 0]
        pool = names_in(" ".join(e.text for e in sentences))
        for example in sentences:
            if rng.random() < untouched:
                copy = spin(example.text, rng, kinds=())
            else:
                copy = spin(example.text, rng, kinds=kinds, rate=rate, names=pool,
                            at_least_one=True)
            label = 1 if copy.edits else 0
            yield Example(copy.text, label, example.doc, example.split,
                          "spun" if label else "spun-untouched", example.text,
                          {"kinds": copy.kinds, "edits": [asdict(e) for e in copy.edits]})
