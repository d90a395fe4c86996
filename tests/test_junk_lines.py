"""Acceptance: every scraping-junk line of the seed articles 000, 001, 002 and 004 is a
boilerplate (or caption) finding, and no sentence of their prose is one.

Each junk line is listed by its opening words; a finding must start exactly there and run to
the end of its line (or, where the junk was glued to the story, to where the story starts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import garblecheck
from conftest import CLEAN_A, CLEAN_B, CLEAN_C, SOURCE

JUNK: dict[Path, list[str]] = {
    CLEAN_A: [
        "Related articles",
        "Share article",
        "Latest articles",
    ],
    CLEAN_B: [
        "May 22, 2024",
        "Vladimir Putin with Xi Jinping during his visit to China earlier this month.",
        "Updated to add U.S. reaction.",
        "Related article: [Despite Putin's Boasts",
        "Original url:",
        "<https://www.themoscowtimes.com/2024/05/22/uk-says-china-supplying-russia",
    ],
    CLEAN_C: [
        "Your support helps us to tell the story",
        "From reproductive rights to climate change to Big Tech, The Independent",
        "At such a critical moment in US history, we need reporters on the ground.",
        "Your donation allows us to keep sending journalists",
        "The Independent is trusted by Americans across the entire political spectrum.",
        "Your support makes all the difference.",
        "Subscribe to Independent Premium to bookmark this article",
        "Want to bookmark your favourite articles and stories",
    ],
    SOURCE: [
        "London Defender",
        "The Daily Mirror of the Great Britain",
        "Defence Secretary Ben Wallace\n",
        "Defence Secretary Ben Wallace (Image: Sky News/Getty)",
        "Ukraine and Russia conflict reaches boiling point\n",
        "Ukraine and Russia conflict reaches boiling point (Image: Getty)",
        "READ MORE:\u00a0Russia Warning: Canada preparing for Putin’s invasion of Ukraine",
        "Ukrainian President Volodymyr Zelenskiy\n",
        "Ukrainian President Volodymyr Zelenskiy (Image: Getty)",
        "Russia war looms as Biden pressures EU to act",
        "Russia seeking ‘excuse’ to invade Ukraine",
        "Putin unlikely to carry out ‘all-out’ Ukraine invasion",
        "Russia v Ukraine\n",
        "Russia v Ukraine (Image: Express)",
        "Ukraine and Russia conflict\n",  # three times: before "I still remain hopeful" ...
        "Ukraine and Russia conflict (Image: Getty)",
        "MP Tobias Ellwood\n",
        "MP Tobias Ellwood (Image: Getty)",
    ],
}
# captions that appear more than once in an article, each occurrence a finding
REPEATS = {"Ukraine and Russia conflict\n": 2, "Ukraine and Russia conflict (Image: Getty)": 2}


def _starts(text: str, prefix: str) -> list[int]:
    """Every offset where ``prefix`` opens a line or a sentence."""
    found, at = [], text.find(prefix)
    while at >= 0:
        before = text[:at]
        if not before or before.endswith("\n") or before.endswith((". ", "? ", "! ")):
            found.append(at)
        at = text.find(prefix, at + 1)
    return found


@pytest.mark.parametrize("path", list(JUNK), ids=lambda p: p.stem)
def test_every_junk_line_is_a_boilerplate_finding(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = garblecheck.check(text, path=str(path))
    junk = [f for f in report.findings if f.category == "boilerplate"]
    expected = sorted(at for prefix in JUNK[path] for at in _starts(text, prefix))
    assert sum(REPEATS.get(p, 1) for p in JUNK[path]) == len(expected), "a listed line is missing"
    assert sorted(f.start for f in junk) == expected
    # what may follow a junk span on its line: nothing, the story, or more junk
    next_starts = {s.start for s in report.doc.seg.sentences} | {f.start for f in junk}
    for f in junk:
        assert f.rule in ("GC601", "GC602") and f.sentence is None
        line_end = text.find("\n", f.start)
        rest = text[f.end : len(text) if line_end < 0 else line_end]
        after = f.end + len(rest) - len(rest.lstrip())
        assert not rest.strip() or after in next_starts, text[f.start : f.end]


@pytest.mark.parametrize("path", list(JUNK), ids=lambda p: p.stem)
def test_no_prose_sentence_is_junk(path: Path) -> None:
    """Prose and junk never overlap, and every line is one of prose, junk or a headline."""
    text = path.read_text(encoding="utf-8")
    report = garblecheck.check(text, path=str(path))
    junk = [(f.start, f.end) for f in report.findings if f.category == "boilerplate"]
    for s in report.doc.seg.sentences:
        assert all(s.end <= start or end <= s.start for start, end in junk), s.text
    covered = [False] * len(text)
    spans = junk + [(s.start, s.end) for s in report.doc.seg.sentences]
    spans += [(b.start, b.end) for b in report.doc.seg.blocks if b.kind == "heading"]
    for start, end in spans:
        covered[start:end] = [True] * (end - start)
    left = "".join(ch for ch, c in zip(text, covered, strict=True) if not c)
    assert not left.strip(), left
