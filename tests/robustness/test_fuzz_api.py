"""Property-based fuzzing of the whole pipeline through the Python API: arbitrary Unicode in
news-like shapes. Whatever the text, no exception escapes, every offset slices the text it
claims, sentences run in order without overlap and cover the prose, the report validates
against the schema, and the same input gives the same report."""

from __future__ import annotations

import json
from typing import Any

from fuzzing import TRIED, VALIDATOR, check_document, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import garblecheck
from garblecheck.result import DocumentReport, RunReport
from garblecheck.segment import segment
from garblecheck.segment.sentences import _INVISIBLE, _LIST_MARKER

# pieces of real copy, so that rules, quotations and the classifier are reached, mixed with
# the hostile characters: combining marks, right-to-left text, emoji, NUL and other controls,
# lone surrogates, every kind of line end, quotation marks without partners
_WORDS = (
    "Defence Secretary Ben Wallace", "said", "the", "Ministry of Labor", "President Putin",
    "melee and clear defensive", "weapons", "£2.5m", "1,000", "17 January 2022", "Mr.",
    "U.S.", "Ukraine's", "preparing and preparing", "READ MORE:", "(Image: Getty)",
    "e\u0301", "\u0301\u0301\u0301", "مرحبا بالعالم", "שלום", "\u202e", "\u200f", "👍🏽",
    "👨‍👩‍👧", "\x00", "\x07", "\x1b[31m", "\ufeff", "\ud800", "\udfff", "\u2028", "\x85",
    "\r\n", "\r", "\n", "\n\n", "\t", "\u00a0", '"', "“", "”", "‘", "’", "'", ".", "?", "!",
    "…", ",", ";", ":", "—", "-", "(", ")", "<p>", "#", "* ", "> ", "http://x.co/a?b=1",
)  # fmt: skip
_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=8),
    st.text(alphabet="ab .\n", min_size=1, max_size=400),  # long lines, few breaks
)
TEXTS = st.lists(_PIECE, max_size=40).map(lambda parts: " ".join(parts))


def _report(result: DocumentReport) -> dict[str, Any]:
    """The JSON report as the CLI prints it (round-tripped, so surrogates survive as escapes
    and the comparison is of what a reader would see)."""
    run = RunReport(documents=[result])
    data: dict[str, Any] = json.loads(json.dumps(run.to_dict()))
    data["summary"].pop("seconds")
    return data


def _check_prose_covered(text: str) -> None:
    """Blocks are in order without overlap, and every visible character of a prose block (but
    a list marker opening it) lies in one of that block's sentences."""
    seg = segment(text)
    end = 0
    for b, block in enumerate(seg.blocks):
        assert end <= block.start <= block.end <= len(text), (block, end)
        end = block.end
        if block.kind != "prose":
            continue
        spans = [(s.start, s.end) for s in seg.sentences if s.block == b]
        marker = _LIST_MARKER.match(text, block.start, block.end)
        for i in range(marker.end() if marker else block.start, block.end):
            if not (text[i].isspace() or text[i] in _INVISIBLE):
                assert any(start <= i < end for start, end in spans), (i, text[i], block)


def _check(result: DocumentReport, text: str, source: str | None = None) -> dict[str, Any]:
    report = _report(result)
    VALIDATOR.validate(report)
    (doc,) = report["documents"]
    check_document(doc, text, source)
    return report


@settings(max_examples=examples(0.6), deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(TEXTS)
def test_check_any_text(text: str) -> None:
    TRIED["check"] += 1
    first = _check(garblecheck.check(text), text)
    _check_prose_covered(text)
    assert _report(garblecheck.check(text)) == first


@settings(max_examples=examples(0.4), deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(TEXTS, TEXTS)
def test_compare_any_pair(copy: str, source: str) -> None:
    TRIED["compare"] += 1
    first = _check(garblecheck.compare(copy, source), copy, source)
    assert _report(garblecheck.compare(copy, source)) == first
