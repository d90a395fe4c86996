"""The text-pattern and knowledge rule kinds, run directly on segmented documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, SHARED_DATA, SOURCE, SPUN
from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.errors import RuleError
from garblecheck.knowledge.spelling import gb_to_us, infer_locale, spellings, us_to_gb
from garblecheck.model import Document, Finding, Metadata, Severity
from garblecheck.rules.base import KINDS, RuleKind, RuleSpec, register
from garblecheck.rules.engine import RuleAnalyser
from garblecheck.rules.loader import build_kinds, load_rules
from garblecheck.segment import segment

EXPLAIN = {"what": "w", "why": "y", "example": "e", "instead": "i"}


def make(
    kind: str, message: str = "found {match}", code: str = "GC999", **options: Any
) -> RuleKind:
    """A rule of ``kind`` with the kind's defaults and the given options."""
    opts = {k: o.default for k, o in KINDS[kind].options.items()}
    opts.update(options)
    spec = RuleSpec(
        code=code, name="test-rule", kind=kind, category="other", severity=Severity.WARNING,
        message=message, explain=EXPLAIN, path=Path("test.yaml"), options=opts,
    )  # fmt: skip
    return KINDS[kind](spec)


def ctx(text: str, locale: str | None = None, meta_locale: str | None = None) -> Context:
    doc = Document(text=text, meta=Metadata(locale=meta_locale))
    doc.seg = segment(text)
    return Context(doc=doc, config=Config(locale=locale))


def spans(findings: list[Finding], text: str) -> list[str]:
    return [text[f.start : f.end] for f in findings]


# existence and substitution


def test_existence_matches_whole_words_and_formats_message() -> None:
    rule = make("existence", tokens=["melee", "stun(?:ned)?"])
    text = "A melee weapon stunned the tank. Nobody said meleeing."
    found = rule.check(ctx(text))
    assert spans(found, text) == ["melee", "stunned"]
    assert found[0].message == "found melee" and found[0].sentence == 0


@pytest.mark.parametrize(("scope", "expected"), [("prose", 2), ("quote", 1), ("unquoted", 1)])
def test_existence_scope(scope: str, expected: int) -> None:
    text = 'He said: "We are preparing." They are preparing too.'
    assert len(make("existence", tokens=["preparing"], scope=scope).check(ctx(text))) == expected


def test_existence_ignorecase() -> None:
    text = "Melee weapons."
    assert not make("existence", tokens=["melee"]).check(ctx(text))
    assert make("existence", tokens=["melee"], ignorecase=True).check(ctx(text))


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"tokens": ["mel(ee"]}, "key 'tokens.0': bad pattern"),
        ({"tokens": []}, "key 'tokens': must not be empty"),
        ({"tokens": ["x"], "scope": "everywhere"}, "key 'scope'"),
    ],
)
def test_existence_rejects_bad_options(options: dict[str, Any], words: str) -> None:
    with pytest.raises(RuleError, match=words):
        make("existence", **options)


def test_substitution_suggests_in_the_case_of_the_text() -> None:
    rule = make(
        "substitution",
        message="'{match}' for '{suggestion}'",
        swap={"melee": "short-range", "shipped domestically": "delivered"},
        ignorecase=True,
    )
    text = "Melee and clear defensive weapons were shipped domestically."
    found = rule.check(ctx(text))
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [
        ("Melee", "Short-range"),
        ("shipped domestically", "delivered"),
    ]
    assert found[1].message == "'shipped domestically' for 'delivered'"


def test_substitution_rejects_unknown_template_field() -> None:
    with pytest.raises(RuleError, match="key 'message'"):
        make("substitution", message="{bad}", swap={"a": "b"})


# spelling knowledge and GC401's kind

BRITISH = "The armoured convoy left the centre of town. Its colour was grey. "


def test_spelling_pairs() -> None:
    gb, us = gb_to_us(), us_to_gb()
    assert len(gb) > 500
    assert gb["defence"] == "defense" and gb["armoured"] == "armored"
    assert us["travelled".replace("ll", "l")] == "travelled"
    assert gb["programme"] == "program" and "program" not in us  # a computer program
    assert gb["organisation"] == "organization" and spellings()["organize"].weight < 1
    assert all(g != u for g, u in gb.items())


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        (BRITISH, "en-GB"),
        ("The armored convoy left the center of town.", "en-US"),
        ("Nothing to tell here.", None),
        ("The colour of the center.", None),
    ],
)
def test_infer_locale(text: str, locale: str | None) -> None:
    assert infer_locale(text) == locale


def test_dialect_mix_flags_the_minority() -> None:
    text = BRITISH + "Officials said the defense budget would be cut."
    (found,) = make("consistency").check(ctx(text))
    assert text[found.start : found.end] == "defense"
    assert found.suggestion == "defence" and found.severity is Severity.WARNING


def test_dialect_mix_needs_a_clear_majority() -> None:
    text = "The colour of the centre. The color of the center. The defence."
    assert not make("consistency").check(ctx(text))


@pytest.mark.parametrize("where", ["config", "metadata"])
def test_dialect_mix_with_a_set_locale_flags_any_other_spelling(where: str) -> None:
    text = "Officials said the defense budget would be cut."
    context = ctx(text, locale="en-GB") if where == "config" else ctx(text, meta_locale="en-GB")
    assert spans(make("consistency").check(context), text) == ["defense"]


def test_dialect_mix_ignores_quotes_and_kept_names() -> None:
    text = BRITISH + 'A US general said: "Our defense is strong." He saw Pearl Harbor.'
    assert not make("consistency", keep=["Pearl Harbor"]).check(ctx(text))


def test_dialect_mix_gives_names_and_titles_info_only() -> None:
    text = BRITISH + "He met Defense Secretary Ben Wallace."
    (found,) = make("consistency").check(ctx(text))
    assert found.severity is Severity.INFO and found.suggestion == "Defence"


def test_dialect_mix_accepts_oxford_spelling_unless_mixed_with_ise() -> None:
    oxford = BRITISH + "The council will organize the rota."
    assert not make("consistency").check(ctx(oxford))
    mixed = oxford + " It was organised badly."
    (found,) = make("consistency").check(ctx(mixed))
    assert mixed[found.start : found.end] == "organize" and found.severity is Severity.INFO


# institutions


@pytest.fixture(scope="module")
def institution_rules() -> list[RuleKind]:
    specs = [s for s in load_rules() if s.kind == "institutions"]
    assert len(specs) >= 4
    return build_kinds(specs)


def institution_findings(rules: list[RuleKind], text: str) -> list[Finding]:
    context = ctx(text)
    return [f for rule in rules for f in rule.check(context)]


def test_labour_party_turned_ministry_in_a_british_story(institution_rules: list[RuleKind]) -> None:
    text = SPUN.read_text(encoding="utf-8")
    found = institution_findings(institution_rules, text)
    assert [(text[f.start : f.end], f.rule, f.suggestion) for f in found] == [
        ("Ministry of Labor", "GC111", "Labour")
    ]
    assert found[0].severity is Severity.ERROR


@pytest.mark.parametrize("path", [SOURCE, CLEAN_A, CLEAN_B, CLEAN_C])
def test_clean_articles_name_real_institutions(
    institution_rules: list[RuleKind], path: Path
) -> None:
    assert not institution_findings(institution_rules, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MPs at Westminster backed Britain's plan. Russia's Ministry of Labour disagreed.", []),
        ("MPs at Westminster backed Britain's plan. The Saudi labor ministry disagreed.", []),
        ("MPs at Westminster backed Britain's plan. The labour ministry in Moscow disagreed.", []),
        ("MPs at Westminster backed Britain's plan. The Labour Ministry disagreed.", ["GC111"]),
        ("The UK's Interior Ministry said so.", ["GC111"]),
        ("The Iraqi Interior Ministry said so.", []),
        ("The lower house of Russia's parliament voted.", ["GC113"]),
        ("The lower house of Russia's parliament, the State Duma, voted.", []),
        ("The European Committee of the Regions met.", []),
    ],
)
def test_institution_qualifiers(
    institution_rules: list[RuleKind], text: str, expected: list[str]
) -> None:
    assert [f.rule for f in institution_findings(institution_rules, text)] == expected


def test_institutions_reject_unknown_country() -> None:
    with pytest.raises(RuleError, match="key 'country'"):
        make("institutions", country="Atlantis")


def test_institutions_reject_missing_knowledge_file() -> None:
    with pytest.raises(RuleError, match="cannot load institutions"):
        make("institutions", country="Russia", knowledge="missing.yaml")


# the engine


@register
class _Crashing(RuleKind):
    kind: ClassVar[str] = "test-crashing"

    def check(self, ctx: Context) -> list[Finding]:
        raise ZeroDivisionError("boom")


def test_engine_runs_enabled_rules_only() -> None:
    rules = [make("existence", tokens=["melee"], code=c) for c in ("GC201", "GC202")]
    analyser = RuleAnalyser(rules, Config(ignore=["GC202"]))
    assert [f.rule for f in analyser.analyse(ctx("A melee weapon."))] == ["GC201"]


def test_engine_reports_a_crashing_rule_as_rule_error() -> None:
    analyser = RuleAnalyser([make("test-crashing")], Config())
    with pytest.raises(RuleError, match=r"test.yaml: rule GC999 \(test-crashing\) failed"):
        analyser.analyse(ctx("Text."))


@pytest.mark.slow
def test_bbc_clean_news_gets_no_institution_or_dialect_warnings() -> None:
    path = SHARED_DATA / "news" / "bbc-2005-dev.jsonl"
    if not path.exists():
        pytest.skip("needs ../shared/data")
    specs = [s for s in load_rules() if s.code.startswith(("GC11", "GC40"))]
    rules = build_kinds(specs)
    warnings: list[tuple[str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        context = ctx(article["title"] + "\n\n" + article["text"])
        found = [f for r in rules for f in r.check(context) if f.severity >= Severity.WARNING]
        warnings.extend((article["id"], f.rule, f.message) for f in found)
    assert not warnings
