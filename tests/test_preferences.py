"""The selectional-preference table, its pair extraction, the argument features and GC203,
on the shipped table (no shared data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.knowledge.preferences import (
    ADJECTIVE,
    CLASSES,
    VERB,
    argument_features,
    extract,
    odd_arguments,
    preferences,
    sentence_roles,
)
from garblecheck.model import Document
from garblecheck.rules.kinds.preference import OddArgumentKind
from garblecheck.rules.loader import parse_rule
from garblecheck.segment import segment

RULE = Path(__file__).resolve().parents[1] / "rules" / "tortured" / "GC203-odd-argument.yaml"


def _pairs(text: str) -> list[tuple[int, str, str]]:
    table = preferences()
    spans, roles = sentence_roles(text, table.roles.get)
    keys = [k for k, _, _ in spans]
    return [
        (p.relation, table.lemma(p.predicate), keys[p.head])
        for p in extract(keys, roles, table.phrasal)
    ]


def _share(predicate: str, cls: str) -> float:
    table = preferences()
    return float(table.share[table.predicates.index(predicate), CLASSES.index(cls)])


def test_table_loads_and_is_consistent() -> None:
    preferences.cache_clear()
    table = preferences()
    assert table.share.shape == (len(table.predicates), len(CLASSES))
    assert table.noun_classes.shape == (len(table.nouns), len(CLASSES))
    assert abs(table.prior.sum(axis=1) - 1.0).max() < 1e-6


def test_extraction_finds_objects_modifiers_and_phrasal_verbs() -> None:
    assert (VERB, "stun", "tank") in _pairs("A lighter weapon could stun a tank from above.")
    assert (VERB, "destroy", "bridges") in _pairs("The army destroyed three old bridges.")
    assert (ADJECTIVE, "armoured", "vehicles") in _pairs("They sent armoured vehicles.")
    assert (VERB, "knock out", "power") in _pairs("The storm knocked out the power.")
    # a bare verb form with no cue is not taken for a verb ("the police" is not "to police")
    assert not [p for p in _pairs("The police report was late.") if p[0] == VERB]


def test_class_shares_reflect_usage() -> None:
    assert _share("v:marry", "person") > 0.5
    assert _share("v:eat", "food") > 0.3
    assert _share("a:armoured", "artifact") > 0.4


def test_odd_argument_is_reported_with_evidence() -> None:
    text = "Thousands of protesters wore the reform on Saturday."
    odd = odd_arguments(text)
    assert odd and odd[0].predicate == "wear" and odd[0].argument == "reform"
    assert text[odd[0].start : odd[0].end] == "wore the reform"
    assert odd[0].usual[0][0] == "artifact" and odd[0].strength > 10
    features = argument_features(text)
    assert features["argument_odd_count"] >= 1 and features["argument_odd_max"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "He wore a dark suit to the hearing.",
        "The government slashed taxes and killed the bill.",
        "Markets shrugged off the news on Monday.",
    ],
)
def test_ordinary_and_metaphorical_use_is_quiet(text: str) -> None:
    assert not [o for o in odd_arguments(text) if o.strength >= 10]


def test_rule_reports_a_warning_with_the_phrase() -> None:
    spec = parse_rule(RULE)
    text = "Officials said thousands of protesters wore the reform on Saturday."
    doc = Document(text=text, seg=segment(text))
    found = OddArgumentKind(spec).check(Context(doc=doc, config=Config()))
    assert len(found) == 1
    assert found[0].evidence == "wore the reform"
    assert "'wear' takes" in found[0].message and "man-made objects" in found[0].message
