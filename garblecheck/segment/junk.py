"""What each paragraph is: prose, a heading, a photo caption, or scraping junk (and why).

Only prose is checked sentence by sentence, so anything that is not running copy must be kept
out: headlines and section titles, photo captions, and the furniture scrapers keep (link
prompts, share buttons, appeals for money, bylines, mastheads). The patterns describe the shape
of such lines, not the wording of one site; a line that is not plainly furniture stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from garblecheck.dates import parse_date_line
from garblecheck.model import Block

_I = re.I


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# lines that only point elsewhere: "READ MORE: …", "Related article: […](#)", "See also"
_LINK_PROMPT = re.compile(
    r"^\W{0,3}(?:read|see|watch|listen|click|tap|more|also|related|recommended|latest"
    r"|trending|popular|most|top|further|editor'?s?)(?:\s+(?:more|also|next|here|now|on|this"
    r"|story|from|the|our|reading|watching|picks?|articles?|stories|news|content|coverage"
    r"|links?|topics?|videos?|read|popular|shared|viewed))*\s*(?:\*\*|__)?\s*(?:[:|›»>]|$)",
    _I,
)
# a short line made of nothing but interface words ("Share article", "Latest articles")
_UI_WORDS = _words(
    """share sharing shares article articles story stories this on facebook twitter x whatsapp
    linkedin email e-mail print copy link links comments comment save saved bookmark follow us
    tweet pinterest reddit messenger telegram related latest more news top popular trending
    recommended advertisement advert ad ads sponsored promoted content topics tags the and our
    from for you also like may to back home menu next previous video videos photos photo gallery
    live updates view show hide close skip read watch listen subscribe sign up in log register
    contact newsletter newsletters continue reading below scroll open app install"""
)
_UI_STRONG = _words(
    """share sharing facebook twitter whatsapp linkedin print comments bookmark tweet pinterest
    reddit related latest trending recommended advertisement advert ads sponsored promoted
    topics tags menu gallery subscribe newsletter newsletters"""
)
_UI_MAX_WORDS = 6
_URL_ONLY = re.compile(r"^\W{0,3}<?(?:https?://|www\.)\S+>?\W{0,3}$", _I)
_LINK_ONLY = re.compile(r"^\W{0,3}!?\[[^\]]*\]\([^)]*\)\W{0,3}$")
_URL_LABEL = re.compile(
    r"^(?:original|source|canonical)?\s*(?:url|link|article|source|via|permalink)\s*:"
    r"\s*(?:<?(?:https?://|www\.)\S*>?)?\s*$",
    _I,
)
# a run of teaser links each tagged "[REVEAL]", "[INSIGHT]", "[PICTURES]"
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
_BYLINE_MAX_WORDS = 14
_NOTE = re.compile(
    r"^\W{0,3}(?:updated?|editor'?s note|correction|clarification|this (?:article|story)"
    r" (?:was|has been) (?:updated|amended|corrected))(?:\s+to\s+(?:add|include|reflect"
    r"|correct)\b|\s*[:\-–—]|\s+(?:on|at)\b|\s*$)",
    _I,
)
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright\b)|all rights reserved\W*$", _I)
_COOKIE = re.compile(
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences"
    r"|notice|consent)\b|\baccept (?:all )?cookies\b",
    _I,
)
_TAGS = re.compile(r"^\W{0,3}(?:topics|tags|filed under|categories|more on)\s*:", _I)
# asks for money, subscriptions or sign-ups, addressed to the reader
APPEAL = re.compile(
    r"^\W{0,3}(?:please\s+)?(?:subscribe\b|sign\s?up\b|sign in\b|log ?in\b"
    r"|register (?:now|for|today|to)\b|donate\b|upgrade\b|unlock\b|start your\b"
    r"|become an? (?:member|subscriber|supporter|patron)\b"
    r"|support (?:us|our|independent|quality|local|free)\b|join (?:us|our)\b"
    r"|get (?:our|the latest|unlimited|full access)\b|want to (?:bookmark|save|read more|support)\b"
    r"|already (?:a subscriber|a member|have an account|registered)\b"
    r"|thank you for (?:reading|your support|supporting)\b|enjoy unlimited\b|don'?t miss\b"
    r"|never miss\b|follow (?:us|@))"
    r"|\byour (?:support|donation|contribution|subscription)s? (?:helps?|allows?|makes?|means?"
    r"|keeps?|enables?|matters?|is)\b|\b(?:to|in) your inbox\b",
    _I,
)
# the publisher speaking of itself: "our journalism", "our latest documentary", "paywalls"
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_OUTLET = re.compile(
    r"\bour (?:latest |own |independent )?(?:journalism|journalists|reporters|reporting|newsroom"
    r"|coverage|documentar(?:y|ies)|newsletters?|podcasts?|subscribers|readers)\b"
    r"|\bpaywalls?\b|\b(?:quality|independent|public.interest) journalism\b",
    _I,
)
_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]")

_CREDIT_WORDS = r"(?:image|photo|picture|pic|photograph|credit|illustration|video|footage|source)s?"
# "(Image: Getty)", "Photo: AP", "(Getty Images)", "**Name, TASS / kremlin.ru**" at a line end
_AGENCIES = (
    r"(?:getty|afp|reuters|ap photo|pa wire|pa media|epa|shutterstock|alamy|bloomberg|xinhua"
    r"|tass|sputnik|ria novosti|anadolu|nurphoto|sopa)"
)
_CAPTION_END = re.compile(
    rf"(?:\(\s*{_CREDIT_WORDS}\b[^()]*\)|\([^()]*\b{_AGENCIES}\b[^()]*\)"
    rf"|\*\*[^*]*[/|,][^*]*\*\*|\b{_CREDIT_WORDS}\s*(?:credit)?\s*:[^.!?]{{1,80}})"
    r"[\s\u00a0]*$",
    _I,
)
_CAPTION_START = re.compile(
    rf"^\W{{0,3}}(?:{_CREDIT_WORDS}(?: caption| source)?\s*[:,]|media caption\b)", _I
)

_HEADING_MAX_WORDS = 20
_TITLE_MAX_WORDS = 15
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_CLOSERS = "”\"’')]»*_ \u00a0"
_TERMINAL = ".!?…:;"
_OPEN_LOWER = re.compile(r"^\W*[a-z]")
_LIST_ITEM = re.compile(r"^(?:[-*+•·▪–—]|\d{1,3}[.)])\s")
_LIST_ITEM_WORDS = 4  # a list item longer than this is running copy
# masthead vocabulary: a short title-case line at the very top holding one of these is the
# outlet's name, not the story's headline
_OUTLET_NAME = re.compile(
    r"\b(?:daily|times|post|news|herald|mirror|guardian|telegraph|express|journal|gazette"
    r"|tribune|chronicle|observer|independent|standard|mail|star|sun|record|review|press"
    r"|today|online|weekly|defender|courier|monitor|insider|reporter|bulletin|dispatch)\b",
    _I,
)
_MASTHEAD_MAX_WORDS = 8
_MINOR_WORDS = _words("a an and at by for from in of on or the to with v vs")

Rule = tuple[str, Callable[[str], bool]]


def _ui_line(body: str) -> bool:
    words = re.findall(r"[\w'-]+", body.lower())
    return (
        0 < len(words) <= _UI_MAX_WORDS
        and all(w in _UI_WORDS for w in words)
        and any(w in _UI_STRONG for w in words)
    )


def _byline(body: str) -> bool:
    return (
        bool(_BYLINE.match(body))
        and len(body.split()) <= _BYLINE_MAX_WORDS
        and not body.endswith(".")
    )


def _self_promotion(body: str) -> bool:
    return bool(_WE.search(body) and _OUTLET.search(body)) and not _DOUBLE_QUOTES.search(body)


def appeal_sentence(sentence: str) -> bool:
    """Whether a sentence asks the reader for support or sign-up (it may be glued to prose)."""
    return bool(APPEAL.search(sentence))


# in order; the first that matches names the reason
_BOILERPLATE: Sequence[Rule] = (
    ("link prompt", lambda b: bool(_LINK_PROMPT.match(b))),
    ("interface", _ui_line),
    ("link", lambda b: bool(_URL_ONLY.match(b) or _LINK_ONLY.match(b) or _URL_LABEL.match(b))),
    ("teaser links", lambda b: bool(_TEASER_TAG.search(b))),
    ("advertisement", lambda b: bool(_AD.match(b))),
    ("byline", _byline),
    ("editorial note", lambda b: bool(_NOTE.match(b))),
    ("date", lambda b: parse_date_line(b) is not None),
    ("copyright", lambda b: bool(_COPYRIGHT.search(b))),
    ("cookie notice", lambda b: bool(_COOKIE.search(b))),
    ("tags", lambda b: bool(_TAGS.match(b))),
    ("appeal", lambda b: appeal_sentence(b) and len(b.split()) <= _HEADING_MAX_WORDS),
    ("appeal", _self_promotion),
)


def _ends_open(body: str) -> bool:
    """No closing punctuation: the line is a title or label rather than a sentence."""
    tail = body.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _TERMINAL and tail[-1] not in ",-–—"


def _heading(body: str, first: bool) -> bool:
    if _MARKDOWN_HEADING.match(body):
        return True
    words = len(body.split())
    if words > _HEADING_MAX_WORDS or (_LIST_ITEM.match(body) and words > _LIST_ITEM_WORDS):
        return False
    if first:  # the first line is the headline unless it reads as a sentence
        tail = body.rstrip(_CLOSERS)
        return words <= _TITLE_MAX_WORDS and (not tail.endswith(".") or tail.endswith(".."))
    return not _OPEN_LOWER.match(body) and _ends_open(body)


def _kind(body: str, first: bool) -> Block:
    for reason, test in _BOILERPLATE:
        if test(body):
            return Block(0, 0, "boilerplate", reason)
    if _CAPTION_END.search(body) or _CAPTION_START.match(body):
        return Block(0, 0, "caption", "photo credit")
    if _heading(body, first):
        return Block(0, 0, "heading", "title")
    return Block(0, 0, "prose")


def _credit_stripped(body: str) -> str:
    m = _CAPTION_END.search(body)
    return (body[: m.start()] if m else body).strip().rstrip(".").strip()


def _title_case(body: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.-]*", body)
    return bool(words) and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


def _mark_mastheads(text: str, blocks: list[Block]) -> None:
    """Short title-case lines at the very top, above the headline, that name an outlet."""
    top = 0
    while top < len(blocks) and blocks[top].kind == "heading":
        top += 1
    for i in range(top - 1):
        body = text[blocks[i].start : blocks[i].end]
        if (
            len(body.split()) > _MASTHEAD_MAX_WORDS
            or not _title_case(body)
            or not _OUTLET_NAME.search(body)
            or re.search(r"[\d,:;!?\"“”‘’()]", body)
        ):
            break
        blocks[i] = Block(blocks[i].start, blocks[i].end, "boilerplate", "masthead")


def _next(text: str, blocks: list[Block], i: int) -> str:
    return text[blocks[i + 1].start : blocks[i + 1].end]


def _mark_caption_titles(text: str, blocks: list[Block]) -> None:
    """A bare line repeated just before its photo caption is part of the caption."""
    for i in range(len(blocks) - 1):
        if blocks[i].kind == "prose" or blocks[i + 1].kind != "caption":
            continue
        body = text[blocks[i].start : blocks[i].end].strip().rstrip(".")
        if body and _credit_stripped(_next(text, blocks, i)) == body:
            blocks[i] = Block(blocks[i].start, blocks[i].end, "caption", "caption title")


def classify(text: str, spans: Sequence[tuple[int, int]]) -> list[Block]:
    """A block with its kind for each paragraph span."""
    blocks = []
    for n, (start, end) in enumerate(spans):
        kind = _kind(text[start:end], first=n == 0)
        blocks.append(Block(start, end, kind.kind, kind.reason))
    _mark_mastheads(text, blocks)
    _mark_caption_titles(text, blocks)
    return blocks


def mark_sandwiched_appeals(blocks: list[Block]) -> None:
    """A paragraph between two appeals for support belongs to the appeal."""
    for i in range(1, len(blocks) - 1):
        if (
            blocks[i].kind == "prose"
            and blocks[i - 1].reason == "appeal"
            and blocks[i + 1].reason == "appeal"
        ):
            blocks[i] = Block(blocks[i].start, blocks[i].end, "boilerplate", "appeal")
