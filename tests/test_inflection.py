"""GC204 odd-inflection: a word in a form its neighbour does not take, judged by the phrase
table and the inflection table; the inflection table's build and loader; and (slow) how rare
the finding stays on clean BBC news."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
import yaml

from conftest import ROOT, SHARED_DATA
from garblecheck.analyser import Context
from garblecheck.build.inflections import forms_by_id
from garblecheck.config import Config
from garblecheck.errors import RuleError
from garblecheck.knowledge import inflections as knowledge_inflections
from garblecheck.knowledge.inflections import VERSION, inflections
from garblecheck.knowledge.phrases import phrase_table
from garblecheck.model import Document, Finding, Severity
from garblecheck.rules.base import KINDS, RuleKind
from garblecheck.rules.kinds import inflection
from garblecheck.rules.loader import parse_rule
from garblecheck.segment import segment

RULE = ROOT / "rules" / "tortured" / "GC204-odd-inflection.yaml"
BBC = SHARED_DATA / "news" / "bbc-2005-dev.jsonl"


def _rule(path: Path = RULE) -> RuleKind:
    spec = parse_rule(path)
    assert KINDS[spec.kind] is inflection.OddInflection
    return KINDS[spec.kind](spec)


def _run(text: str) -> list[Finding]:
    doc = Document(text=text, seg=segment(text))
    return _rule().check(Context(doc=doc, config=Config()))


def test_forms_share_a_dictionary_form() -> None:
    table = phrase_table()
    forms = {table.words[i] for i in inflections().forms(table.ids["reason"]).tolist()}
    assert "reasons" in forms and "reason" not in forms
    assert "lose" in {table.words[i] for i in inflections().forms(table.ids["lost"]).tolist()}
    assert not len(inflections().forms(0)) and not len(inflections().forms(10**6))


def test_build_groups_forms_of_a_vocabulary() -> None:
    words = ["", "reason", "reasons", "the", "lost", "lose", ","]
    assert forms_by_id(words) == [[], [2], [1], [], [5], [4], []]


def test_finding_names_the_pair_and_the_form_clean_english_uses() -> None:
    text = "Officials gave several reason for the delay."
    (f,) = _run(text)
    assert (f.rule, f.severity, f.category) == ("GC204", Severity.INFO, "grammar")
    assert text[f.start : f.end] == "several reason"
    assert f.suggestion == "several reasons"
    assert "clean English writes “several reasons”" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "The five-year plan was published on Monday.",  # joined by a hyphen
        "The SEC filed its report on Monday.",  # names are not common words
        "Both company executives said the talks went well.",  # a noun as a modifier
        "He said it was an important day for the club.",
    ],
)
def test_quiet_on_clean_copy(text: str) -> None:
    assert not _run(text)


def test_families_must_be_lists_of_words(tmp_path: Path) -> None:
    data = yaml.safe_load(RULE.read_text(encoding="utf-8"))
    data["families"] = [["this"]]
    path = tmp_path / "GC204-odd-inflection.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RuleError, match="families"):
        _rule(path)


def test_damaged_table_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "inflections.npz"
    np.savez(path, meta=np.array([VERSION]), offsets=np.array([0, 5]), ids=np.array([1]))
    monkeypatch.setattr(knowledge_inflections, "knowledge_path", lambda name: path)
    knowledge_inflections.inflections.cache_clear()
    try:
        with pytest.raises(RuleError, match="damaged"):
            knowledge_inflections.inflections()
    finally:
        knowledge_inflections.inflections.cache_clear()


@pytest.mark.slow
@pytest.mark.skipif(not BBC.exists(), reason="needs ../shared/data")
def test_rare_on_clean_news() -> None:
    from garblecheck.training.datasets import bbc

    texts = [e.text for e in itertools.islice(bbc(BBC), 3000)]
    fired = sum(bool(_run(t)) for t in texts)
    assert fired / len(texts) < 0.02
