"""Reference-free structure rules: first person outside quotes, repeated words, boilerplate
lines and known tortured phrases, on their own examples, on the seed articles, and (slow) on
clean BBC news, where each must stay rare."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, ROOT, SHARED_DATA, SOURCE, SPUN
from garblecheck.analyser import Context
from garblecheck.build import fingerprints as build
from garblecheck.config import Config
from garblecheck.model import Document, Finding, Severity
from garblecheck.rules.base import KINDS, Example, RuleKind
from garblecheck.rules.kinds import boilerplate, fingerprints, repetition, voice
from garblecheck.rules.loader import parse_rule
from garblecheck.segment import segment

RULE_FILES = sorted(
    p
    for pattern in (
        "voice/GC5*.yaml",
        "repetition/GC3*.yaml",
        "boilerplate/GC60*.yaml",
        "tortured/GC201*.yaml",
    )
    for p in (ROOT / "rules").glob(pattern)
)
CODES = ("GC501", "GC502", "GC301", "GC302", "GC601", "GC602", "GC201")
MODULES = (voice, repetition, boilerplate, fingerprints)  # registered by importing them


def _rule(code: str) -> RuleKind:
    path = next(p for p in RULE_FILES if p.name.startswith(code))
    spec = parse_rule(path)
    return KINDS[spec.kind](spec)


def _run(rule: RuleKind, text: str, example: Example | None = None) -> list[Finding]:
    doc = Document(text=text, seg=segment(text))
    date = dt.date.fromisoformat(example.date) if example and example.date else None
    ctx = Context(doc=doc, config=Config(), date=date, locale=example.locale if example else None)
    return rule.check(ctx)


def doc_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_rule_file_is_here() -> None:
    assert {p.name[:5] for p in RULE_FILES} == set(CODES)
    assert all(
        KINDS[parse_rule(p).kind].__module__ in {m.__name__ for m in MODULES} for p in RULE_FILES
    )


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_examples(path: Path) -> None:
    spec = parse_rule(path)
    rule = KINDS[spec.kind](spec)
    assert len(spec.trigger) >= 3 and len(spec.quiet) >= 3
    for ex in spec.trigger:
        assert _run(rule, ex.text, ex), f"{spec.code} should fire on: {ex.text}"
    for ex in spec.quiet:
        assert not _run(rule, ex.text, ex), f"{spec.code} should be quiet on: {ex.text}"


# --- voice -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed on Friday. I think it is a good day for the club. Fans cheered.",
        "Officials met on Monday. Asked about the plan, he said: I will not resign.",
        "The bank held rates. Me and my colleagues expect a cut, the analyst said.",
    ],
)
def test_first_person_fires(text: str) -> None:
    assert _run(_rule("GC501"), text)


@pytest.mark.parametrize(
    "text",
    [
        "Veterans of World War I were honoured. Section I of the act was repealed.",
        "Henry VIII succeeded Henry VII; King Charles I was executed in 1649.",
        "The band played Losing My Religion and the crowd sang along.",
        'The singer won. "I felt like I was striking the ball well. "I felt that was the key."',
        'Kennedy said: "When I was elected, he was the "Father of the House" and helped me."',
        "The story ran on page I of the supplement.",
    ],
)
def test_first_person_quiet(text: str) -> None:
    assert not _run(_rule("GC501"), text)


@pytest.mark.parametrize(
    "text",
    ["I think we can not live without science.", "My view is that prices will fall."],
)
def test_first_person_alone_is_the_authors(text: str) -> None:
    # no third-person sentence shows the copy is reported: a lone sentence speaks for itself
    assert not _run(_rule("GC501"), text)


def test_first_person_paragraph_quotes_across_paragraphs() -> None:
    text = (
        "The minister spoke to MPs.\n\n"
        "\u201cI have visited the region five times.\n\n"
        "\u201cI know its people well,\u201d she said."
    )
    assert not _run(_rule("GC501"), text)


def test_lost_marks_needs_first_person() -> None:
    rule = _rule("GC502")
    assert not _run(rule, "Sales fell.\n\nThe outlook is weak and costs are rising, the firm said.")
    found = _run(
        rule,
        "Sales fell.\n\nI expect costs to rise. The outlook is weak, the chief executive said.",
    )
    assert len(found) == 1 and "the chief executive said" in found[0].message


# --- repetition ------------------------------------------------------------------------


def test_repeated_coordination_suggests_single_word() -> None:
    found = _run(_rule("GC301"), "We are developing, preparing and preparing sanctions.")
    assert [(f.suggestion, f.severity) for f in found] == [("preparing", Severity.WARNING)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose time and time again, and may or may not rise again.",
        "The law lord Lord Bingham ruled on Tuesday.",
        "His, and his alone, was the decision.",
        '"It, it was a shock," she said.',
    ],
)
def test_repeated_coordination_quiet(text: str) -> None:
    assert not _run(_rule("GC301"), text)


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 5%, but imports rose 7%.",
        "She won best film and best director.",
        "They met face to face in Geneva.",
        "Sales fell from 3bn yuan to 2bn yuan.",
        "It's a good idea because it's cheap.",
    ],
)
def test_repeated_content_word_quiet_on_parallel_phrases(text: str) -> None:
    assert not _run(_rule("GC302"), text)


# --- boilerplate -----------------------------------------------------------------------


def test_boilerplate_on_source_fixture_never_on_prose() -> None:
    text = doc_text(SOURCE)
    seg = segment(text)
    found = _run(_rule("GC601"), text) + _run(_rule("GC602"), text)
    assert any(text[f.start : f.end].startswith("READ MORE") for f in found)
    assert any("(Image:" in text[f.start : f.end] for f in found)
    for f in found:
        assert f.sentence is None and f.severity is Severity.INFO and f.suggestion == ""
        assert not any(s.start < f.end and f.start < s.end for s in seg.sentences)
    assert all("link prompt" in f.message for f in found if "READ MORE" in text[f.start : f.end])


# --- fingerprints ----------------------------------------------------------------------


def test_fingerprint_message_and_suggestion() -> None:
    found = _run(_rule("GC201"), "Analysts used Information Mining to find fraud.")
    assert len(found) == 1
    f = found[0]
    assert f.message == "“Information Mining” is a known tortured phrase for “data mining”"
    assert f.suggestion == "data mining" and f.category == "tortured"


def test_fingerprint_does_not_match_across_punctuation() -> None:
    assert not _run(_rule("GC201"), "They shared information, mining the data for leads.")


def test_heldout_fold_is_not_loaded() -> None:
    live = (ROOT / "rules/knowledge/tortured-phrases.tsv").read_text(encoding="utf-8")
    held = (ROOT / "rules/knowledge/tortured-phrases-heldout.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in live.splitlines() if ln and not ln.startswith("#")][1:]
    assert rows and all(r[2] != "0" for r in rows)
    assert "Cabanac" in live and "HELD OUT" in held
    phrase = next(ln.split("\t")[0] for ln in held.splitlines()[20:] if "\t" in ln)
    assert not _run(_rule("GC201"), f"The paper describes {phrase} in detail.")


def test_build_is_reproducible_and_drops_clean_phrases(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "tortured").mkdir(parents=True)
    (data / "news").mkdir()
    (data / "corpus").mkdir()
    (data / build.SOURCE).write_text(
        "tortured\texpected\n"
        "Surface Region\tsurface area\n"
        "surface region\tsurface area\n"
        "supply route\tartery\n"
        "ruinous\tacid\n"
        "bosom peril\tbreast cancer (BC)\n"
        "naive bias\tpaper note (see https://example.org)\n",
        encoding="utf-8",
    )
    (data / build.CLEAN_NEWS).write_text(
        json.dumps({"id": "a", "text": "Rebels cut the supply route. The supply route reopened."})
        + "\n",
        encoding="utf-8",
    )
    for name in build.CORPORA:
        with gzip.open(data / name, "wt", encoding="utf-8") as fh:
            fh.write("An ordinary sentence.\n")
    outs = []
    for run in ("one", "two"):
        out = tmp_path / run
        assert build.main(["--data", str(data), "--out", str(out), "--holdout-fold", "-1"]) == 0
        outs.append((out / "tortured-phrases.tsv").read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    rows = [ln.split("\t") for ln in outs[0].splitlines() if ln and not ln.startswith("#")][1:]
    assert [(r[0], r[1]) for r in rows] == [
        ("bosom peril", "breast cancer"),
        ("surface region", "surface area"),
    ]
    assert "occurs 2+ times in clean news" in outs[0]


# --- seeds -----------------------------------------------------------------------------


def test_spun_seed_findings() -> None:
    text = doc_text(SPUN)
    found = {code: [text[f.start : f.end] for f in _run(_rule(code), text)] for code in CODES}
    assert [s[:24] for s in found["GC501"]] == [
        "I have visited Ukraine 5",
        "I hope because I don’t t",
    ]
    assert [s[:30] for s in found["GC502"]] == ["The first systems were shipped"]
    assert found["GC301"] == ["preparing and preparing"]
    assert "issues related to mutual security issues" in found["GC302"]


@pytest.mark.parametrize("path", [CLEAN_A, CLEAN_B, CLEAN_C, SOURCE], ids=lambda p: p.stem)
def test_clean_seeds_raise_no_warning(path: Path) -> None:
    text = doc_text(path)
    for code in CODES:
        bad = [f for f in _run(_rule(code), text) if f.severity >= Severity.WARNING]
        assert not bad, f"{code} on clean {path.name}: {[text[f.start : f.end] for f in bad]}"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not present")
def test_false_alarms_on_clean_bbc_news() -> None:
    rules = [_rule(code) for code in CODES]
    sentences = 0
    flagged: dict[str, int] = dict.fromkeys(CODES, 0)
    with (SHARED_DATA / "news/bbc-2005-dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("duplicate_of"):
                continue
            doc = Document(text=row["text"], seg=segment(row["text"]))
            ctx = Context(doc=doc, config=Config())
            sentences += len(doc.seg.sentences)
            for rule in rules:
                flagged[rule.spec.code] += sum(
                    f.severity >= Severity.WARNING for f in rule.check(ctx)
                )
    for code, n in flagged.items():
        assert n / sentences < 0.002, f"{code}: {n} warnings in {sentences} clean sentences"
