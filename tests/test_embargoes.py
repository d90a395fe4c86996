"""The arms-embargo rule kind (GC121): who arms whom, the article's date, hedges, bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, SOURCE, SPUN
from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.dates import not_before
from garblecheck.errors import RuleError
from garblecheck.model import Document, Finding, Metadata, Severity
from garblecheck.rules.base import RuleSpec
from garblecheck.rules.kinds.embargoes import EmbargoRule
from garblecheck.segment import segment

EXPLAIN = {"what": "w", "why": "y", "example": "e", "instead": "i"}


def rule(knowledge: str = "arms-embargoes.yaml") -> EmbargoRule:
    spec = RuleSpec(
        code="GC999", name="test-rule", kind="embargoes", category="meaning",
        severity=Severity.WARNING, message="{match}: {target} since {since}",
        explain=EXPLAIN, path=Path("test.yaml"),
        options={"knowledge": knowledge, "places": "institutions.yaml"},
    )  # fmt: skip
    return EmbargoRule(spec)


def findings(text: str, date: dt.date | None = None) -> list[Finding]:
    doc = Document(text=text, meta=Metadata())
    doc.seg = segment(text)
    return rule().check(Context(doc=doc, config=Config(), date=date))


WAR = dt.date(2022, 3, 1)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("NATO said it would keep supplying arms to Russian forces.", "supplying arms to Russian"),
        ("Kyiv and London will send drones to the Russian army.", "send drones to the Russian"),
        ("The West must provide Russia with air defences.", "provide Russia with air defences"),
        ("NATO said it would keep supplying arms to Ukrainian forces.", None),
        # a third country before the verb may be the supplier
        ("The US said North Korea was sending artillery shells to Russia.", None),
        # no party to the embargo named
        ("Officials said they would supply arms to Russian forces.", None),
        # hedged, denied or about the embargo itself
        ("Britain denied that it would ever sell weapons to Russia.", None),
        ("The UK has not supplied weapons to Russia.", None),
        ("An EU embargo stops member states from selling arms to Russia.", None),
        # history, phrasal verbs, a verb-like noun
        ("In 1992 Ukraine agreed to give up its nuclear weapons to Russia.", None),
        ("Britain allowed British ships to transport arms to China.", None),
    ],
)
def test_who_supplies_whom(text: str, flagged: str | None) -> None:
    found = findings(text, WAR)
    assert [text[f.start : f.end] for f in found] == ([flagged] if flagged else [])


def test_only_while_the_embargo_was_in_force() -> None:
    text = "France delivered weapons to Russia under the contract."
    assert not findings(text, dt.date(2013, 1, 1))
    assert findings(text, dt.date(2015, 1, 1))
    syria = "The EU will supply weapons to Syrian forces."
    assert findings(syria, dt.date(2020, 1, 1))
    assert not findings(syria, dt.date(2025, 6, 1))  # the embargoed government fell in 2024


def test_an_undated_article_is_bounded_by_since_a_year() -> None:
    text = "NATO will supply arms to Russian forces."
    (undated,) = findings(text)
    assert undated.severity is Severity.INFO
    (bounded,) = findings(text + " Ukraine has bought drones since 2019.")
    assert bounded.severity is Severity.WARNING
    (early,) = findings(text + " Ukraine has bought drones since 2009.")
    assert early.severity is Severity.INFO


def test_not_before_reads_only_since_a_year() -> None:
    assert not_before("visited five times since 2016 and since 2018") == dt.date(2018, 1, 1)
    assert not_before("by 2030 and in 2031") is None
    assert not_before("since 2018-2019") is None


def test_seed_copy_arms_the_wrong_side_and_clean_copy_does_not() -> None:
    spun = SPUN.read_text(encoding="utf-8")
    assert [spun[f.start : f.end] for f in findings(spun)] == ["supply arms to Russian"]
    for path in (SOURCE, CLEAN_A, CLEAN_B, CLEAN_C):
        assert not findings(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("embargoes: []\n", "key 'embargoes': must be a non-empty list"),
        ("embargoes:\n  - {target: Atlantis, parties: [France], since: 2014-01-01, source: x}\n",
         "key 'embargoes.0.target': unknown country 'Atlantis'"),
        ("embargoes:\n  - {target: Russia, parties: [Narnia], since: 2014-01-01, source: x}\n",
         "key 'embargoes.0.parties': unknown country 'Narnia'"),
        ("embargoes:\n  - {target: Russia, parties: [France], since: soon, source: x}\n",
         "key 'embargoes.0.since': must be a date"),
        ("embargoes:\n  - {target: Russia, parties: [France], since: 2014-01-01}\n",
         "key 'embargoes.0.source'"),
        ("embargoes:\n  - {target: Russia, parties: [France], since: 2014-01-01, source: x,"
         " by: 1}\n",
         "key 'embargoes.0.by': unknown key"),
        ("embargoes: [\n", "cannot load arms embargoes"),
    ],
)  # fmt: skip
def test_a_broken_knowledge_file_is_named(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "embargoes.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError, match=problem) as err:
        rule(str(path))
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)  # PyYAML's own message spans several lines
