"""Scraping furniture: lines and sentences that are not the article, and why.

Scrapers keep link prompts, share buttons, appeals for money, bylines and notices along with
the story. The patterns describe the shape of such lines (a label and a colon, a line of
interface words, a teaser tagged "[REVEAL]", a reader addressed as "you" and asked to sign up),
not the wording of one site, and a line that is not plainly furniture stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from garblecheck.dates import parse_date_line

_I = re.I


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# lines that only point elsewhere: "READ MORE: …", "Related article: […](#)", "More on this story"
_LINK_PROMPT = re.compile(
    r"^\W{0,3}(?:read|see|watch|listen|click|tap|more|also|related|recommended|latest"
    r"|trending|most|top|further|editor'?s?)(?:\s+(?:more|also|next|here|now|on|this"
    r"|story|from|the|our|reading|watching|picks?|articles?|stories|news|content|coverage"
    r"|links?|topics?|videos?|read|popular|shared|viewed|info|details))*\s*(?:(?:\*\*|__)\s*)?"
    r"(?:[:|›»>]|$)",
    _I,
)
# a short line made of nothing but interface words ("Share article", "Comments")
_UI_WORDS = _words(
    """share sharing shares article articles story stories this on facebook twitter x whatsapp
    linkedin email e-mail print copy link links comments comment save saved bookmark follow us
    tweet pinterest reddit messenger telegram related latest more news top popular trending
    recommended advertisement advert ad ads sponsored promoted content topics tags the and our
    from for you also like may to back home menu next previous video videos photos photo gallery
    live updates view show hide close skip read watch listen subscribe sign up in log register
    contact newsletter newsletters continue reading below scroll open app install reuse"""
)
_UI_STRONG = _words(
    """share sharing facebook twitter whatsapp linkedin print comments bookmark tweet pinterest
    reddit related latest trending recommended advertisement advert ads sponsored promoted
    topics tags menu gallery subscribe newsletter newsletters reuse"""
)
_UI_MAX_WORDS = 6
_URL_ONLY = re.compile(r"^\W{0,3}<?(?:https?://|www\.)\S+>?\W{0,3}$", _I)
_LINK_ONLY = re.compile(r"^\W{0,3}!?\[[^\]]*\]\([^)]*\)\W{0,3}$")
_URL_LABEL = re.compile(
    r"^(?:original|source|canonical)?\s*(?:url|link|article|source|via|permalink)\s*:"
    r"\s*(?:<?(?:https?://|www\.)\S*>?\s*)?$",
    _I,
)
# one of a run of teaser links, each tagged "[REVEAL]", "[INSIGHT]", "[PICTURES]"
_TEASER_TAG = re.compile(r"\[[A-Z][A-Z' ]{2,20}\][\s\u00a0]*$")
_AD = re.compile(
    r"^\W*(?:advertisement|advert|sponsored(?: content)?|promoted(?: content)?|(?:story|article)"
    r" continues(?: below)?(?: this)?(?: advert(?:isement)?)?|continue reading(?: below)?|skip"
    r" advert(?:isement)?|scroll to continue(?: with content)?)\W*$",
    _I,
)
_BYLINE = re.compile(
    r"^\W{0,3}(?i:by|written by|words by|reporting by|reported by|edited by|compiled by"
    r"|additional reporting by|editing by)\s+[A-Z\u00c0-\u00de][\w'’.-]*(?:\s+[A-Z\u00c0-\u00de]"
    r"|\s*$)"
)
# "Jane Harlow Environment correspondent", "Tom Riley, political editor"
_BYLINE_ROLE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*[,|–—-])?(?:\s+[\w-]+){0,3}?"
    r"\s+(?i:correspondent|editor|reporter|writer|columnist|journalist|contributor|staff)$"
)
_BYLINE_MAX_WORDS = 14
_NOTE = re.compile(
    r"^\W{0,3}(?:updated?|editor'?s note|correction|clarification|this (?:article|story)"
    r" (?:was|has been) (?:updated|amended|corrected))(?:\s+to\s+(?:add|include|reflect"
    r"|correct)\b|\s*[:\-–—]|\s+(?:on|at)\b|\s*$)",
    _I,
)
_DATE_LABEL = re.compile(
    r"^\W{0,3}(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?\W{0,3}$", _I
)
_READING_TIME = re.compile(r"^\W{0,3}\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\W{0,3}$", _I)
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:©|&copy;?|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))|all rights reserved\W*$"
    r"|without (?:prior )?(?:written )?permission is (?:strictly )?prohibited",
    _I,
)
_COOKIE = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences"
    r"|notice|consent)\b|\baccept (?:all )?cookies\b",
    _I,
)
_PRIVACY = re.compile(
    r"\b(?:unsubscribe at any time|(?:our|read the|see the) privacy (?:policy|notice)"
    r"|you(?:'ve| have) consented"
    r"|(?:your|the) (?:sign-?up|e-?mail address) (?:to|will))\b",
    _I,
)
_TAGS = re.compile(r"^\W{0,3}(?:topics|tags|filed under|categories|more on)\s*:", _I)
# markup that may stand before a label: bullets, emphasis, a heading mark (not a quotation mark:
# a quoted "Join us" is someone speaking)
_LEAD = r"^[\s*_#>•·\-–—]{0,3}"
# asks the reader for money, a subscription or a sign-up
_APPEAL = re.compile(
    _LEAD + r"(?:please\s+)?(?:subscribe\b|sign\s?up\b|(?:sign|log) ?in (?:to|with|here|now)\b"
    r"|register (?:now|for free|today|here)\b|donate (?:now|today|here|to us)\b"
    r"|(?:upgrade|unlock) (?:now|today|your|this|full|unlimited)\b"
    r"|start your (?:\w+ ){0,2}(?:subscription|free trial|membership)\b"
    r"|become an? (?:member|subscriber|supporter|patron)\b"
    r"|support (?:us|our (?:journalism|work|reporting)|(?:independent|quality) journalism)\b"
    r"|join us\b|get (?:our|unlimited|full access)\b"
    r"|want to (?:bookmark|save (?:this|articles?)|read more|support us)\b"
    r"|already (?:a subscriber|a member|have an account|registered)\b"
    r"|thank you for (?:reading|your support|supporting)\b|enjoy unlimited\b|follow (?:us|@))"
    r"|\byour (?:support|donation|contribution|subscription)s? (?:helps?|allows?|makes?|means?"
    r"|keeps?|enables?|matters?|is)\b|\b(?:straight|direct(?:ly)?|delivered) to your inbox\b",
    _I,
)
# asks the reader to send something in or comment: "Share your story", "Sound off below"
_READER_PROMPT = re.compile(
    _LEAD + r"(?:share|send|submit|upload|email|e-mail) (?:us )?(?:your )?(?:photos?|videos?"
    r"|pictures?|story|stories|views|thoughts|comments?|tips?)\b|\bsound off below\b"
    r"|\bhave your say\b|\b(?:leave|post) a comment\b"
    r"|\b(?:comments?|sound off) (?:section|box) below\b",
    _I,
)
# the publisher speaking of itself: "our journalism", "our latest documentary", "paywalls"
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_OUTLET = re.compile(
    r"\bour (?:latest |own |independent )?(?:journalism|journalists|reporting|newsroom"
    r"|documentar(?:y|ies)|newsletters?|podcasts?|subscribers)\b"
    r"|\bpaywalls?\b|\b(?:quality|independent|public.interest) journalism\b",
    _I,
)
_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]")
_SHORT_LINE_WORDS = 20  # an appeal pattern marks a whole line only when it is this short


def _spoken(text: str) -> bool:
    """Whether the text quotes someone: an appeal inside quotation marks is news."""
    return _DOUBLE_QUOTES.search(text) is not None


def _ui_line(body: str) -> bool:
    words = re.findall(r"[\w'-]+", body.lower())
    return (
        0 < len(words) <= _UI_MAX_WORDS
        and all(w in _UI_WORDS for w in words)
        and any(w in _UI_STRONG for w in words)
    )


def _byline(body: str) -> bool:
    if len(body.split()) > _BYLINE_MAX_WORDS or body.endswith("."):
        return False
    return bool(_BYLINE.match(body) or _BYLINE_ROLE.match(body))


def _self_promotion(body: str) -> bool:
    return bool(_WE.search(body) and _OUTLET.search(body)) and not _spoken(body)


def _short(test: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda body: len(body.split()) <= _SHORT_LINE_WORDS and not _spoken(body) and test(body)


def _found(pattern: re.Pattern[str], *, anywhere: bool = False) -> Callable[[str], bool]:
    if anywhere:
        return lambda body: pattern.search(body) is not None
    return lambda body: pattern.match(body) is not None


# in order; the first that matches names the reason
_LINE_TESTS: Sequence[tuple[str, Callable[[str], bool]]] = (
    ("separator", lambda b: not any(ch.isalnum() for ch in b)),
    ("link prompt", _found(_LINK_PROMPT)),
    ("interface", _ui_line),
    ("link", lambda b: bool(_URL_ONLY.match(b) or _LINK_ONLY.match(b) or _URL_LABEL.match(b))),
    ("teaser link", _found(_TEASER_TAG, anywhere=True)),
    ("advertisement", _found(_AD)),
    ("reading time", _found(_READING_TIME)),
    ("byline", _byline),
    ("editorial note", _found(_NOTE)),
    ("date", lambda b: bool(_DATE_LABEL.match(b)) or parse_date_line(b) is not None),
    ("copyright", _found(_COPYRIGHT, anywhere=True)),
    ("cookie notice", _found(_COOKIE, anywhere=True)),
    ("tags", _found(_TAGS)),
    ("appeal", _short(_found(_APPEAL, anywhere=True))),
    ("reader prompt", _short(_found(_READER_PROMPT, anywhere=True))),
    ("appeal", _self_promotion),
)


def line_reason(body: str) -> str | None:
    """Why a whole line is furniture, or None when it is not."""
    for reason, test in _LINE_TESTS:
        if test(body):
            return reason
    return None


def sentence_reason(sentence: str) -> str | None:
    """Why a sentence inside a paragraph is furniture (an appeal or a notice glued to prose,
    "READ MORE: …" run on after the story), or None when it is not."""
    if _spoken(sentence):
        return None
    if _APPEAL.search(sentence):
        return "appeal"
    if _READER_PROMPT.search(sentence):
        return "reader prompt"
    if _PRIVACY.search(sentence) or _COOKIE.search(sentence):
        return "privacy notice"
    return "link prompt" if _LINK_PROMPT.match(sentence) else None
