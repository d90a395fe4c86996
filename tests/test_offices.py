"""Facts of the officeholder pack and the behaviour of the officeholders kind (GC101-GC103)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from garblecheck.analyser import Context
from garblecheck.config import Config
from garblecheck.knowledge.countries import country_of
from garblecheck.knowledge.offices import fold, load
from garblecheck.knowledge.titles import classify, lookup
from garblecheck.model import Document, Finding, Segmentation, Sentence, Severity
from garblecheck.rules.base import RuleSpec
from garblecheck.rules.kinds.officeholders import OfficeholdersKind
from garblecheck.rules.loader import parse_rule

ROOT = Path(__file__).resolve().parents[1]
RULES = sorted((ROOT / "rules" / "knowledge-rules").glob("GC10*.yaml"))
DATA = ROOT.parent / "shared" / "data"


def _segmentation(text: str) -> Segmentation:
    try:
        from garblecheck.segment import segment
    except ImportError:  # segmenter not available: one sentence for the whole text
        return Segmentation(sentences=[Sentence(0, 0, len(text), 0, text)])
    return segment(text)


def _kind(check: str) -> OfficeholdersKind:
    spec = RuleSpec(code="GC1XX", name=check, kind="officeholders", category="title",
                    severity=Severity.ERROR, message="", explain={}, path=Path("test.yaml"),
                    options={"check": check})
    return OfficeholdersKind(spec)


def _check(text: str, check: str = "title", date: str | None = None,
           locale: str | None = None) -> list[Finding]:
    doc = Document(text=text, seg=_segmentation(text))
    day = dt.date.fromisoformat(date) if date else None
    return _kind(check).check(Context(doc=doc, config=Config(), date=day, locale=locale))


def _holders(office_type: str, country: str, date: str) -> set[str]:
    data = load()
    day = dt.date.fromisoformat(date).toordinal()
    return {data.names[t.person] for t in data.holders(office_type, country, day)}


# ------------------------------------------------------------------------------ facts


@pytest.mark.parametrize(
    ("office_type", "country", "date", "name"),
    [
        ("head_of_government", "United Kingdom", "2005-06-01", "Tony Blair"),
        ("defence", "United Kingdom", "2022-01-17", "Ben Wallace"),
        ("defence", "Russia", "2022-01-17", "Sergey Shoygu"),
        ("defence", "Russia", "2024-09-01", "Andrey Belousov"),
        ("head_of_state", "United States", "2025-03-01", "Donald Trump"),
        ("foreign", "United States", "2025-03-01", "Marco Rubio"),
        ("head_of_government", "Germany", "2025-06-01", "Friedrich Merz"),
        ("foreign", "Germany", "2022-01-17", "Annalena Baerbock"),
        ("nato_secretary_general", "NATO", "2025-01-01", "Mark Rutte"),
        ("eu_high_representative", "European Union", "2025-01-01", "Kaja Kallas"),
        ("shadow:defence", "United Kingdom", "2022-01-17", "John Healey"),
        ("head_of_government", "France", "2024-10-01", "Michel Barnier"),
        ("defence", "Ukraine", "2024-01-01", "Rustem Umerov"),
    ],
)
def test_holder_on_date(office_type: str, country: str, date: str, name: str) -> None:
    assert name in _holders(office_type, country, date)


def test_stale_open_end_is_closed() -> None:
    assert "Sergey Shoygu" not in _holders("defence", "Russia", "2024-09-01")
    assert "Annalena Baerbock" not in _holders("foreign", "Germany", "2025-06-01")


def test_names_fold_transliterations_and_diacritics() -> None:
    data = load()
    assert data.persons("Sergei Shoigu") == data.persons("Sergey Shoygu") != []
    assert data.persons("Recep Tayyip Erdogan") == data.persons("Recep Tayyip Erdoğan") != []
    assert data.persons("Gerhard Schroeder") == data.persons("Gerhard Schröder") != []
    assert fold("Zelenskyy") == "zelenskyy"


def test_titles_and_countries() -> None:
    assert classify("Secretary of State for the Home Department", "United Kingdom") == ("interior",)
    assert classify("Minister of the Armed Forces", "France") == ("defence",)
    assert classify("Premier of Quebec", "Canada") == ()
    assert classify("Deputy Minister of Defence", "Russia") == ()
    claim = lookup("Shadow Defense Secretary")
    assert claim is not None and claim.us_spelling
    assert country_of("Britain's") == "United Kingdom"
    assert country_of("U.S.") == "United States"


# ------------------------------------------------------------------------------ the kind


def test_wrong_title_is_an_error_with_the_right_title() -> None:
    (f,) = _check("Defense Minister Vladimir Putin has complained about NATO.")
    assert f.severity is Severity.ERROR
    assert f.suggestion == "President Vladimir Putin"
    assert "Shoygu" in f.message


def test_past_office_without_date_is_quiet_and_with_later_date_an_error() -> None:
    text = "Prime Minister Tony Blair said the economy was growing."
    assert _check(text) == []
    assert _check(text, date="2005-03-01") == []
    (f,) = _check(text, date="2015-03-01")
    assert f.severity is Severity.ERROR and "David Cameron" in f.message
    assert _check("Former " + text[0].lower() + text[1:], date="2015-03-01") == []


def test_apposition_and_country() -> None:
    assert _check("Sergei Shoigu, Russia's defence minister, visited.", date="2022-01-17") == []
    (f,) = _check("Sergei Shoigu, Russia's defence minister, visited.", date="2024-09-01")
    assert "Belousov" in f.message


def test_unmappable_titles_and_party_qualifiers_are_skipped() -> None:
    assert _check("The Liberal Democrats' President Simon Hughes said no.") == []
    assert _check("Acting Prime Minister Gordon Brown spoke.", date="2005-01-01") == []


def test_near_miss_name() -> None:
    (f,) = _check("Tobias Elwood, chairman of the committee, asked.", check="name")
    assert f.suggestion == "Tobias Ellwood"
    assert _check("John Terry scored twice.", check="name") == []


def test_us_spelling_of_a_british_office() -> None:
    text = "Defense Secretary Ben Wallace said the weapons were defensive."
    (f,) = _check(text, check="spelling", locale="en-GB")
    assert f.severity is Severity.WARNING and f.suggestion == "Defence Secretary"
    # unqualified, the title presents him as the reader's own minister: still a warning
    (g,) = _check(text, check="spelling")
    assert g.severity is Severity.WARNING
    # qualified ("British ..."), it is ordinary US house style for a foreign minister
    (h,) = _check("British " + text, check="spelling")
    assert h.severity is Severity.INFO


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.stem)
def test_rule_examples(path: Path) -> None:
    spec = parse_rule(path)
    kind = OfficeholdersKind(spec)
    for example, want in [(e, True) for e in spec.trigger] + [(e, False) for e in spec.quiet]:
        doc = Document(text=example.text, seg=_segmentation(example.text))
        day = dt.date.fromisoformat(example.date) if example.date else None
        found = kind.check(Context(doc=doc, config=Config(), date=day, locale=example.locale))
        assert bool(found) is want, (example.text, [f.message for f in found])


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "offices").is_dir(), reason="needs ../shared/data")
def test_build_is_deterministic(tmp_path: Path) -> None:
    from garblecheck.build.offices import ADDITIONS, OUTPUT, build

    (tmp_path / ADDITIONS).write_text(
        (ROOT / "rules" / "knowledge" / ADDITIONS).read_text(encoding="utf-8"), encoding="utf-8")
    summary = build(DATA, tmp_path)
    assert "people" in summary
    built = (tmp_path / OUTPUT).read_text(encoding="utf-8")
    assert built == (ROOT / "rules" / "knowledge" / OUTPUT).read_text(encoding="utf-8")
