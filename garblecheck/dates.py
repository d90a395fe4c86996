"""The article's own date: a dateline near the top, never a date mentioned in the story.

Knowledge rules ask "who held this office *then*", so a wrong date is worse than none: only a
date the page states as its publication date counts: a standalone date line ("Published …",
with "Updated …" used only when nothing else is given), a date beside the byline, a markdown
draft's front matter, a wire dateline such as "LONDON, Jan 17 (Reuters) -", a date in the
page's own URL; "in December" or "since 2016" in the body never do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from garblecheck.model import Segmentation

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<m>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

# a date written out in full, in the orders news sites use
_DATE_FORMS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?=\b|T)"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)\b"),
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)\b"),
]
_ZONE = r"(?:gmt|bst|utc|cet|cest|eet|msk|ist|jst|aest|aedt|[ecmp][sd]?t)\b"
# what may stand beside the date on a date line: labels, weekdays, times, time zones
_DATE_LINE_REST = re.compile(
    rf"""^(?:\s|[|:,.·•\-–—()*_]|{_WEEKDAY}\b|published|updated|first|last|posted|modified
    |created|date[ds]?|on|at|am|pm|a\.m|p\.m|{_ZONE}|\d{{1,2}}[:.]\d\d(?:[:.]\d\d)?
    |[+-]\d\d:?\d\d|T\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z?)*$""",
    re.I | re.X,
)
_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)
# "LONDON, Jan 17 (Reuters) -": place in capitals, day and month, agency, dash
_WIRE = re.compile(
    rf"""^[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,?\s+
    (?:{_MONTH}\s+{_DAY}|(?P<d2>[0-3]?\d)\s+(?P<m2>[A-Za-z]{{3,9}})\.?)(?:,?\s+{_YEAR})?
    \s*\([A-Za-z .]{{2,30}}\)\s*[-–—]""",
    re.X,
)
# ".../2024/05/22/slug" or ".../slug-2024-05-22/" in the page's own address
_URL_DATE = re.compile(
    r"(?:https?://|www\.)\S*?[/_-](?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)"
    r"(?P<d>[0-3]?\d)(?:[/_.-]|\b)"
)
_FRONT_MATTER_DATE = re.compile(
    r"^(?:date|published|pubdate|publish_?date|created)\s*[:=]\s*[\"']?(?P<value>[^\"'\n]+)",
    re.I | re.M,
)
_MAX_DATE_LINE = 90  # characters; a longer block is prose, not a date line
_TOP_PROSE_BLOCKS = 3  # date lines are looked for before the third prose paragraph


@dataclass(frozen=True)
class DateLine:
    """A date parsed from a line that states nothing but a date (and labels or a time)."""

    date: dt.date
    updated: bool


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if "a" in groups:  # numeric d/m/y or m/d/y: only when the order is not in doubt
        a, b = int(groups["a"]), int(groups["b"])
        if a <= 12 and b <= 12 and a != b:
            return None
        day, month = (a, b) if a > 12 or a == b else (b, a)
        return _make(year, month, day)
    month_text = groups["m"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    return _make(year, month, int(groups["d"]))


def _dates_in(line: str) -> list[re.Match[str]]:
    """Every written-out date in the line, in order, none overlapping."""
    found: list[re.Match[str]] = []
    for form in _DATE_FORMS:
        for m in form.finditer(line):
            if all(m.end() <= f.start() or f.end() <= m.start() for f in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _labelled(line: str, found: list[re.Match[str]]) -> list[DateLine]:
    """Each date with whether the label before it says it is an update."""
    dates, prev_end = [], 0
    for m in found:
        date = _from_match(m)
        if date is not None:
            dates.append(DateLine(date, bool(_UPDATED.search(line, prev_end, m.start()))))
        prev_end = m.end()
    return dates


def _preferred(dates: list[DateLine]) -> DateLine | None:
    """The publication date of a line that states several (published, then updated)."""
    return next((d for d in dates if not d.updated), dates[0] if dates else None)


def parse_date_line(line: str) -> DateLine | None:
    """The date of a line such as "May 22, 2024" or "Published: Monday 17 January 2022 14:03
    GMT, updated 18 January"; None when the line says anything besides dates and labels."""
    if len(line) > _MAX_DATE_LINE:
        return None
    found = _dates_in(line)
    if not found:
        return None
    rest, prev_end = [], 0
    for m in found:
        rest.append(line[prev_end : m.start()])
        prev_end = m.end()
    rest.append(line[prev_end:])
    if not _DATE_LINE_REST.match(" ".join(rest)):
        return None
    return _preferred(_labelled(line, found))


def _byline_date(line: str) -> DateLine | None:
    """A date given beside the author's name ("By Jane Smith | 22 May 2024")."""
    if len(line) > _MAX_DATE_LINE:
        return None
    return _preferred(_labelled(line, _dates_in(line)))


def _front_matter_date(body: str) -> DateLine | None:
    """The ``date:`` of a markdown draft's front matter."""
    m = _FRONT_MATTER_DATE.search(body)
    return parse_date_line(m["value"].strip()) if m else None


def _wire_date(sentence: str, year: int | None) -> dt.date | None:
    """The date of a wire dateline opening the first paragraph; its year may be left out."""
    m = _WIRE.match(sentence)
    if m is None:
        return None
    groups = m.groupdict()
    month_text, day_text = groups["m"] or groups["m2"], groups["d"] or groups["d2"]
    month = _MONTHS.get(month_text.lower().rstrip("."))
    stated_year = int(groups["y"]) if groups["y"] else year
    if month is None or stated_year is None:
        return None
    return _make(stated_year, month, int(day_text))


def _url_date(text: str, seg: Segmentation) -> dt.date | None:
    """A /yyyy/mm/dd/ path in a link line of the page ("Original url: …"), not in the story."""
    for block in seg.blocks:
        if block.kind == "prose":
            continue
        for m in _URL_DATE.finditer(text, block.start, block.end):
            date = _make(int(m["y"]), int(m["m"]), int(m["d"]))
            if date is not None:
                return date
    return None


_DATE_OF_BLOCK = {"front matter": _front_matter_date, "byline": _byline_date}


def find_date(text: str, seg: Segmentation) -> dt.date | None:
    """The publication date the article states near its top, or None when there is none."""
    published: dt.date | None = None
    updated: dt.date | None = None
    first_prose: str | None = None
    prose_seen = 0
    for block in seg.blocks:
        body = text[block.start : block.end]
        if block.kind == "prose":
            prose_seen += 1
            first_prose = body if first_prose is None else first_prose
            if prose_seen >= _TOP_PROSE_BLOCKS:
                break
            continue
        found = _DATE_OF_BLOCK.get(block.reason, parse_date_line)(body)
        if found is None:
            continue
        if found.updated:
            updated = updated or found.date
        else:
            published = published or found.date
    if published or updated:
        return published or updated
    url = _url_date(text, seg)
    if first_prose is not None:
        wire = _wire_date(first_prose, url.year if url else None)
        if wire is not None:
            return wire
    return url


_SINCE_YEAR = re.compile(r"\bsince (?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d\d)\b(?![-–/]\d)")


def not_before(text: str) -> dt.date | None:
    """The earliest date an undated article can be from: "has supplied ... since 2018" was
    written in 2018 or later. Only "since YEAR" counts: "in 2030" or "by 2030" may look ahead.
    Not the article's date: a bound that facts true for a long time can be checked against."""
    years = [int(m.group("y")) for m in _SINCE_YEAR.finditer(text)]
    return dt.date(max(years), 1, 1) if years else None
