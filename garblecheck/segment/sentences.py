"""Sentence spans inside one prose paragraph, sliced from the original text.

syntok decides the boundaries (it knows "U.S.", "Mr", "Gen.", initials and decimals, and it
splits "difference.China" where the space after a full stop was lost; ``cuts`` runs it). Only
its token offsets are used: its token values may differ from the text. Markdown link syntax
("[said](#)") confuses it, so the copy it reads has the brackets and targets blanked out. Its
cuts are then repaired: a list or blockquote marker is not part of a sentence; a cut after a
semicolon or a title abbreviation it does not know ("Lt.", "Col."), or before a dash
("WASHINGTON (AP) — …") is undone; and a bare attribution after a quotation that ended with
its own full stop ('… in Ukraine." Shapps said.') joins the quotation's sentence.
"""

from __future__ import annotations

import re

from garblecheck.segment import cuts

_LIST_MARKER = re.compile(r"(?:[-*+•·▪–—>]|\d{1,3}[.)])\s+(?=\S)")
_MARKDOWN_LINK = re.compile(r"(\[)[^\[\]\n]*(\]\([^()\s]*\))")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_QUOTE_END = re.compile(r"[.!?…,][”\"’'][^\w\s]{0,3}$")
_QUOTE_END_WINDOW = 6
_TAIL = 16  # characters of the previous sentence an abbreviation check needs
_SPEECH = (
    r"(?:said|says|added|adds|told|tells|explained|warned|insisted|replied|asked|wrote|noted"
    r"|continued|concluded|stated|argued|claimed|declared|admitted|recalled|suggested)"
)
# what may follow the verb in a bare attribution: names, and when or where it was said
_ATTRIBUTION_TAIL = (
    r"(?:\s+(?:[A-Z][\w.'’-]*|(?i:the|a|an|on|in|at|to|last|this|earlier|later|yesterday"
    r"|today|tonight|statement|interview|conference|briefing|reporters|journalists))){0,4}"
)
# "Shapps said.", "he added.", "said Mr Smith.", "the minister told MPs on Monday." (matched
# from a sentence's start)
_ATTRIBUTION = re.compile(
    rf"(?:[\w.'’-]+\s+){{0,4}}(?i:{_SPEECH})\b{_ATTRIBUTION_TAIL}\s*[.!]?$"
    rf"|(?i:{_SPEECH})\s+(?:[\w.'’-]+\s*){{1,5}}[.!]?$"
)


# abbreviations syntok does not know that never end a sentence: titles before a name, and
# "No.", "Jan." and the like before a number
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|[\s(“\"‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|St|Mt|Ft|Gen|Lt|Col|Capt|Cpt|Sgt|Cpl|Pte"
    r"|Maj|Adm|Cmdr|Cdr|Brig|Sen|Rep|Gov|Pres|Supt|Insp|Det|Hon|Rt|Amb)\.$"
)
_NUMBER_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:No|Nos|Nr|Vol|Fig|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|pp?|para|ch)\.$"
)


def _unfinished(previous: str, sentence: str) -> bool:
    """Whether ``previous`` was cut after an abbreviation or a semicolon, or before a dash
    ("WASHINGTON (AP) — …"), rather than at a sentence end."""
    if (
        previous.endswith((";", ","))
        or sentence.startswith(("—", "–", "-"))
        or _TITLE_ABBREVIATION.search(previous)
    ):
        return True
    return sentence[:1].isdigit() and bool(_NUMBER_ABBREVIATION.search(previous))


def _ends_quotation(text: str, start: int, end: int) -> bool:
    return bool(_QUOTE_END.search(text, max(start, end - _QUOTE_END_WINDOW), end))


def _unlinked(text: str, start: int, end: int) -> str:
    """The paragraph with markdown link brackets and targets blanked (offsets unchanged); a
    sentence that opens with a link then starts at its text, and is moved back by ``split``."""
    return _MARKDOWN_LINK.sub(
        lambda m: " " + m.group()[1 : m.start(2) - m.start()] + " " * len(m.group(2)),
        text[start:end],
    )


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph ``text[start:end]``."""
    marker = _LIST_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    starts = cuts.starts(_unlinked(text, start, end), start)
    if not starts:
        return []
    starts = [start] + [s - 1 if text[s - 1] == "[" else s for s in starts[1:]]
    spans: list[tuple[int, int]] = []
    for i, s in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end
        while stop > s and (text[stop - 1].isspace() or text[stop - 1] in _INVISIBLE):
            stop -= 1
        if stop <= s:
            continue
        if spans and (
            _unfinished(text[max(spans[-1][0], spans[-1][1] - _TAIL) : spans[-1][1]], text[s:stop])
            or (_ATTRIBUTION.match(text, s, stop) and _ends_quotation(text, *spans[-1]))
        ):
            spans[-1] = (spans[-1][0], stop)
        else:
            spans.append((s, stop))
    return spans
