"""The article date: stated near the top, never taken from the story's body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from garblecheck.dates import find_date, parse_date_line
from garblecheck.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def date_of(text: str) -> dt.date | None:
    return find_date(text, segment(text))


def test_dateline_of_outlet_b() -> None:
    text = (FIXTURES / "shapps-2024-outlet-b.txt").read_text(encoding="utf-8")
    assert date_of(text) == dt.date(2024, 5, 22)


@pytest.mark.parametrize(
    "name", ["wallace-2022-spun.txt", "wallace-2022-source.txt", "shapps-2024-outlet-c.txt"]
)
def test_no_date_when_the_page_states_none(name: str) -> None:
    # these mention "December", "2014", "2016", "2022" only inside the story
    assert date_of((FIXTURES / name).read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("May 22, 2024", dt.date(2024, 5, 22)),
        ("22 May 2024", dt.date(2024, 5, 22)),
        ("2024-05-22", dt.date(2024, 5, 22)),
        ("2024-05-22T10:15:00Z", dt.date(2024, 5, 22)),
        ("Published 22 May 2024", dt.date(2024, 5, 22)),
        ("Published: Wed 22 May 2024 14.03 BST", dt.date(2024, 5, 22)),
        ("Monday 17 January 2022", dt.date(2022, 1, 17)),
        ("Monday, January 17th, 2022 at 10:32 am", dt.date(2022, 1, 17)),
        ("Jan. 17, 2022", dt.date(2022, 1, 17)),
        ("17th of January 2022", dt.date(2022, 1, 17)),
        ("22/05/2024", dt.date(2024, 5, 22)),
        ("05/22/2024", dt.date(2024, 5, 22)),
    ],
)
def test_date_lines(line: str, date: dt.date) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.date == date
    assert date_of(f"Headline of the story\n\n{line}\n\nThe story begins here.") == date


@pytest.mark.parametrize(
    "line",
    [
        "05/06/2024",  # day and month could be either way round
        "31 February 2024",
        "The deal was signed on 22 May 2024 in London.",
        "In December",
        "Since 2016",
        "May 2024",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_updated_gives_way_to_published() -> None:
    text = "Headline\n\nUpdated: 23 May 2024\n\nPublished: 22 May 2024\n\nStory text here."
    assert date_of(text) == dt.date(2024, 5, 22)


def test_updated_alone_is_used() -> None:
    assert date_of("Headline\n\nLast updated 23 May 2024\n\nStory text.") == dt.date(2024, 5, 23)


def test_body_dates_are_ignored() -> None:
    text = (
        "Headline\n\nThe talks began on 3 March 2021 in Geneva.\n\n"
        "They resumed in December.\n\nA further round is planned.\n\n17 January 2022\n"
    )
    assert date_of(text) is None


def test_wire_dateline_with_year_from_the_page_url() -> None:
    text = (
        "Headline\n\nLONDON, Jan 17 (Reuters) - Britain will send weapons, the minister said."
        "\n\nOriginal url:\n\n<https://www.example.com/world/2022/01/17/uk-weapons/>"
    )
    assert date_of(text) == dt.date(2022, 1, 17)


def test_wire_dateline_with_year() -> None:
    text = "LONDON, Jan. 17, 2022 (Reuters) — Britain will send weapons to Ukraine."
    assert date_of(text) == dt.date(2022, 1, 17)


def test_wire_dateline_without_any_year_is_not_guessed() -> None:
    text = "Headline\n\nLONDON, Jan 17 (Reuters) - Britain will send weapons to Ukraine."
    assert date_of(text) is None


def test_url_in_the_story_is_not_the_date() -> None:
    text = "Headline\n\nThe report (https://example.com/2019/03/04/report) was cited again."
    assert date_of(text) is None


def test_empty_text() -> None:
    assert date_of("") is None


def test_front_matter_date_of_a_markdown_draft() -> None:
    text = "---\ntitle: Draft\ndate: 2024-05-22\n---\n\n# Title\n\nThe story, on 1 June 2023."
    assert date_of(text) == dt.date(2024, 5, 22)


def test_date_in_the_slug_of_the_page_url() -> None:
    text = (
        "Headline\n\nLONDON, May 22 (Reuters) - Output fell.\n\n"
        "https://www.example.com/markets/uk-output-falls-2024-05-22/"
    )
    assert date_of(text) == dt.date(2024, 5, 22)


def test_published_label_on_its_own_line() -> None:
    text = (FIXTURES / "segment" / "bbc-style.txt").read_text(encoding="utf-8")
    assert date_of(text) == dt.date(2024, 5, 22)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 22 May 2024, updated 23 May 2024", dt.date(2024, 5, 22)),
        ("Updated 23 May 2024 | Published 22 May 2024", dt.date(2024, 5, 22)),
        ("Last modified on Thu 23 May 2024 16.45 BST", dt.date(2024, 5, 23)),
        ("2024/05/22", dt.date(2024, 5, 22)),
    ],
)
def test_lines_with_several_dates_or_labels(line: str, date: dt.date) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.date == date


def test_date_beside_the_byline() -> None:
    text = "Headline here\n\nBy Jane Smith | 22 May 2024\n\nThe story starts here."
    assert date_of(text) == dt.date(2024, 5, 22)
