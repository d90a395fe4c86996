"""Office titles both ways: the data's office names to a small set of office types, and the
titles news writes ("Defence Secretary", "Russian President") to the office types they claim.

An office type is a short string: the generic ``head_of_state``, ``head_of_government``,
``deputy_head_of_government``, ``vice_president``, ``foreign``, ``defence``, ``interior``,
``finance``, ``justice``; UK and US cabinet posts as ``uk:<post>`` and ``us:<post>``; UK shadow
posts as ``shadow:<type>``; and the international posts (``nato_secretary_general``, ...).
Keeping both directions in one module keeps the build and the check in agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UK = "United Kingdom"
US = "United States"
EU = "European Union"

# Order in which a person's titles are offered as the "right" one: the most senior first.
TYPE_RANK: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "un_secretary_general",
    "nato_secretary_general",
    "eu_commission_president",
    "eu_council_president",
    "eu_high_representative",
    "vice_president",
    "deputy_head_of_government",
    "foreign",
    "defence",
    "interior",
    "finance",
    "justice",
)

# UK "Secretary of State for ..." departments (first keyword that matches wins) -> post slug
_UK_DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("defence", ("defence",)),
    ("home department", ("interior",)),
    ("home office", ("interior",)),
    ("foreign", ("foreign",)),
    ("justice", ("justice",)),
    ("constitutional affairs", ("justice",)),
    ("exiting the european union", ("uk:brexit",)),
    ("health", ("uk:health",)),
    ("work and pensions", ("uk:work_and_pensions",)),
    ("northern ireland", ("uk:northern_ireland",)),
    ("scotland", ("uk:scotland",)),
    ("wales", ("uk:wales",)),
    ("international development", ("uk:international_development",)),
    ("international trade", ("uk:trade",)),
    ("trade and industry", ("uk:business", "uk:trade")),
    ("business", ("uk:business",)),
    ("energy", ("uk:energy",)),
    ("environment", ("uk:environment",)),
    ("culture", ("uk:culture",)),
    ("education", ("uk:education",)),
    ("children, schools", ("uk:education",)),
    ("transport", ("uk:transport",)),
    ("levelling up", ("uk:housing",)),
    ("communities", ("uk:housing",)),
    ("housing", ("uk:housing",)),
    ("science", ("uk:science",)),
    ("innovation, universities", ("uk:science",)),
)

_US_DEPARTMENTS: dict[str, str] = {
    "state": "foreign",
    "defence": "defence",
    "defense": "defence",
    "the treasury": "finance",
    "homeland security": "us:homeland_security",
    "the interior": "us:interior",
    "energy": "us:energy",
    "commerce": "us:commerce",
    "labor": "us:labor",
    "agriculture": "us:agriculture",
    "education": "us:education",
    "transportation": "us:transportation",
    "health and human services": "us:health",
    "housing and urban development": "us:housing",
    "veterans affairs": "us:veterans_affairs",
}

_GENERIC: tuple[tuple[str, str], ...] = (
    ("head_of_state", r"president|president of the republic|president of the federal republic"
     r"|king|queen|emperor|monarch|supreme leader|president of the swiss confederation"),
    ("head_of_government", r"prime minister|president of the government"
     r"|president of the council of ministers|chairman of the council of ministers"
     r"|chairman of the cabinet of ministers.*|taoiseach"),
    ("deputy_head_of_government", r"(first )?deputy prime minister|(first )?vice[ -]premier"
     r"|vice[ -]prime minister|deputy chancellor"),
    ("vice_president", r"(first )?vice[ -]president"),
    ("foreign", r"(minister|secretary) (of|for) (foreign affairs|external affairs"
     r"|foreign relations|external relations|europe and foreign affairs"
     r"|foreign and european affairs|foreign affairs and [a-z ,]+|foreign affairs, [a-z ,]+)"),
    ("defence", r"(minister|secretary) (of|for) (defen[cs]e|national defen[cs]e|the armed forces"
     r"|armed forces|defen[cs]e and [a-z ,]+)"),
    ("interior", r"minister (of|for) (interior|internal affairs|home affairs"
     r"|interior and [a-z ,]+|internal affairs and [a-z ,]+)"),
    ("finance", r"(minister|secretary) (of|for) (finance|finances|treasury|economy and finance"
     r"|treasury and finance"
     r"|economics and finance|finance and [a-z ,]+|economy, finance[a-z ,]*"
     r"|economy and finances)"),
    ("justice", r"minister (of|for) (justice|justice and [a-z ,]+)"),
)
_GENERIC_RE = [(t, re.compile(rf"(?:{p})$")) for t, p in _GENERIC]

# Words that make an office junior, acting or regional rather than the office itself.
_JUNIOR = re.compile(
    r"\b(deputy minister|state secretary|secretary of state for [a-z]|minister of state|assistant"
    r"|associate|junior|parliamentary|vice[ -]minister|acting|interim|shadow|under[ -]secretary)\b"
)
_FILLER = re.compile(r"\b(federal|the|state|union|national)\b ?")


def _uk_types(office: str) -> tuple[str, ...]:
    """Types of a UK government or opposition office (IfG and parlparse names)."""
    low = office.lower().strip()
    shadow = low.startswith("shadow ")
    if shadow:
        low = low[len("shadow ") :]
    types: tuple[str, ...] = ()
    if low in ("prime minister", "prime minister and first lord of the treasury"):
        types = ("head_of_government",)
    elif low in ("deputy prime minister", "first secretary of state"):
        types = ("deputy_head_of_government",)
    elif low.startswith("chancellor of the exchequer"):
        types = ("finance",)
    elif low.startswith("chief secretary to the treasury"):
        types = ("uk:chief_secretary",)
    elif low.startswith("lord chancellor"):
        types = ("justice",)
    elif low.startswith(("foreign secretary",)):
        types = ("foreign",)
    elif low.startswith("home secretary"):
        types = ("interior",)
    elif low == "attorney general":
        types = ("uk:attorney_general",)
    elif low in ("leader of the opposition", "leader of the official opposition") and not shadow:
        types = ("uk:leader_of_the_opposition",)
    elif low.startswith(("secretary of state for ", "secretary of state (")):
        rest = re.sub(r"^secretary of state (for |\()", "", low)
        for key, found in _UK_DEPARTMENTS:
            if rest.startswith(key) or (key not in ("foreign", "defence") and key in rest):
                types = found
                break
    if shadow:
        return tuple("shadow:" + t for t in types)
    return types


def classify(office: str, country: str) -> tuple[str, ...]:
    """The office types of a data row's office in its country; empty when not one we track."""
    if country == UK:
        return _uk_types(office)
    low = office.lower().strip()
    if country == EU:
        return {
            "president of the european commission": ("eu_commission_president",),
            "vice-president of the european commission": ("eu_commission_vice_president",),
            "president of the european council": ("eu_council_president",),
            "high representative of the union for foreign affairs and security policy": (
                "eu_high_representative",
            ),
        }.get(low, ())
    if country == US:
        if low in ("president", "vice president"):
            return ("head_of_state",) if low == "president" else ("vice_president",)
        if low == "attorney general":
            return ("justice",)
        if low.startswith("secretary of "):
            found = _US_DEPARTMENTS.get(low[len("secretary of ") :])
            return (found,) if found else ()
        return ()
    if _JUNIOR.search(low) or (" of " in low and low.split(" of ")[-1][:1].isupper()):
        return ()
    low = _FILLER.sub("", low).strip()
    if low in ("chancellor", "federal chancellor") and country in ("Germany", "Austria"):
        return ("head_of_government",)
    if low == "vice-chancellor" and country in ("Germany", "Austria"):
        return ("deputy_head_of_government",)
    if low == "premier" and country in ("China", "Taiwan", "North Korea"):
        return ("head_of_government",)
    if low == "secretary of interior" and country == "Mexico":
        return ("interior",)
    return tuple(t for t, pat in _GENERIC_RE if pat.fullmatch(low))


# ---------------------------------------------------------------- news titles for messages

_UK_TITLES = {
    "head_of_government": "Prime Minister",
    "deputy_head_of_government": "Deputy Prime Minister",
    "foreign": "Foreign Secretary",
    "defence": "Defence Secretary",
    "interior": "Home Secretary",
    "finance": "Chancellor of the Exchequer",
    "justice": "Justice Secretary",
    "uk:chief_secretary": "Chief Secretary to the Treasury",
    "uk:attorney_general": "Attorney General",
    "uk:leader_of_the_opposition": "Leader of the Opposition",
    "uk:brexit": "Brexit Secretary",
    "uk:scotland": "Scottish Secretary",
    "uk:wales": "Welsh Secretary",
    "uk:housing": "Communities Secretary",
}
_US_TITLES = {
    "head_of_state": "President",
    "foreign": "Secretary of State",
    "defence": "Defense Secretary",
    "finance": "Treasury Secretary",
    "justice": "Attorney General",
}
_GENERIC_TITLES = {
    "head_of_state": "President",
    "head_of_government": "Prime Minister",
    "deputy_head_of_government": "Deputy Prime Minister",
    "vice_president": "Vice President",
    "foreign": "Foreign Minister",
    "defence": "Defence Minister",
    "interior": "Interior Minister",
    "finance": "Finance Minister",
    "justice": "Justice Minister",
    "nato_secretary_general": "NATO Secretary General",
    "un_secretary_general": "UN Secretary-General",
    "eu_commission_president": "European Commission President",
    "eu_commission_vice_president": "European Commission Vice-President",
    "eu_council_president": "European Council President",
    "eu_high_representative": "EU foreign policy chief",
}
_COUNTRY_TITLES = {
    ("head_of_government", "Germany"): "Chancellor",
    ("head_of_government", "Austria"): "Chancellor",
    ("head_of_government", "China"): "Premier",
    ("deputy_head_of_government", "Germany"): "Vice-Chancellor",
    ("deputy_head_of_government", "China"): "Vice Premier",
    ("interior", "India"): "Home Minister",
}


def news_title(office_type: str, country: str, office: str = "") -> str:
    """The title news puts before the holder's name, e.g. ("defence", UK) -> "Defence Secretary"."""
    if office_type.startswith("shadow:"):
        return "Shadow " + news_title(office_type[len("shadow:") :], UK)
    if (office_type, country) in _COUNTRY_TITLES:
        return _COUNTRY_TITLES[(office_type, country)]
    if country == UK and office_type in _UK_TITLES:
        return _UK_TITLES[office_type]
    if country == US and office_type in _US_TITLES:
        return _US_TITLES[office_type]
    if office_type.startswith(("uk:", "us:")):
        return office_type[3:].replace("_", " ").title().replace(" And ", " and ") + " Secretary"
    if office_type == "head_of_state" and office.lower() in ("king", "queen", "emperor"):
        return office.title()
    return _GENERIC_TITLES.get(office_type, office or office_type)


# ---------------------------------------------------------------- title phrases in news text

Alternative = tuple[str, str | None]  # (office type, country or None for "any country")


@dataclass(frozen=True)
class TitleClaim:
    """What a title phrase in the text claims: any one of ``alternatives`` held."""

    phrase: str  # the phrase as normalised for lookup
    alternatives: tuple[Alternative, ...]
    us_spelling: bool  # "Defense" in the phrase


def _alts(*pairs: Alternative) -> tuple[Alternative, ...]:
    return pairs


_ANY = None
_PHRASES: dict[str, tuple[Alternative, ...]] = {}


def _add(phrases: str, alts: tuple[Alternative, ...]) -> None:
    for phrase in phrases.split("|"):
        _PHRASES[phrase] = alts


_add("president", _alts(("head_of_state", _ANY), ("eu_commission_president", EU),
                        ("eu_council_president", EU)))
_add("vice president", _alts(("vice_president", _ANY), ("eu_commission_vice_president", EU)))
_add("prime minister|premier|pm", _alts(("head_of_government", _ANY)))
_add("chancellor", _alts(("head_of_government", "Germany"), ("head_of_government", "Austria"),
                         ("finance", UK)))
_add("deputy prime minister|deputy pm|first deputy prime minister|vice premier|vice chancellor"
     "|deputy chancellor", _alts(("deputy_head_of_government", _ANY)))
_add("foreign minister|foreign secretary|foreign affairs minister|minister of foreign affairs"
     "|minister for foreign affairs|external affairs minister|foreign affairs secretary",
     _alts(("foreign", _ANY)))
_add("secretary of state", _alts(("foreign", US)))
_add("defence minister|defence secretary|minister of defence|minister for defence"
     "|secretary of defence|secretary of state for defence|national defence minister",
     _alts(("defence", _ANY)))
_add("interior minister|home secretary|home minister|minister of the interior"
     "|minister of interior|home affairs minister|internal affairs minister",
     _alts(("interior", _ANY)))
_add("interior secretary|secretary of the interior", _alts(("interior", _ANY),
                                                          ("us:interior", US)))
_add("homeland security secretary|secretary of homeland security",
     _alts(("us:homeland_security", US)))
_add("finance minister|treasury secretary|secretary of the treasury|chancellor of the exchequer"
     "|minister of finance|minister for finance|economy and finance minister",
     _alts(("finance", _ANY)))
_add("justice minister|justice secretary|minister of justice|lord chancellor",
     _alts(("justice", _ANY)))
_add("attorney general", _alts(("justice", US), ("uk:attorney_general", UK)))
_add("nato secretary general|secretary general of nato|nato chief|nato head",
     _alts(("nato_secretary_general", _ANY)))
_add("un secretary general|secretary general of un|un chief",
     _alts(("un_secretary_general", _ANY)))
_add("secretary general", _alts(("nato_secretary_general", _ANY), ("un_secretary_general", _ANY)))
_add("european commission president|commission president|president of european commission",
     _alts(("eu_commission_president", EU)))
_add("european council president|council president|president of european council",
     _alts(("eu_council_president", EU)))
_add("foreign policy chief|high representative|foreign affairs chief",
     _alts(("eu_high_representative", EU)))
_add("chief secretary to treasury", _alts(("uk:chief_secretary", UK)))
_add("brexit secretary", _alts(("uk:brexit", UK)))
_add("scottish secretary|scotland secretary", _alts(("uk:scotland", UK)))
_add("welsh secretary|wales secretary", _alts(("uk:wales", UK)))
_add("communities secretary|levelling up secretary", _alts(("uk:housing", UK)))
for _slug in ("health", "education", "transport", "culture", "work and pensions", "environment",
              "northern ireland", "business", "trade", "energy", "housing", "science",
              "international development"):
    _uk_alt: tuple[Alternative, ...] = (("uk:" + _slug.replace(" ", "_"), UK),)
    _us_slug = {"health": "health", "education": "education", "energy": "energy",
                "housing": "housing", "transport": "transportation"}.get(_slug)
    _add(f"{_slug} secretary", _uk_alt + ((("us:" + _us_slug, US),) if _us_slug else ()))
for _slug in ("commerce", "labor", "agriculture", "transportation", "veterans affairs"):
    _add(f"{_slug} secretary", _alts(("us:" + _slug.replace(" ", "_"), US)))

# shadow posts: "Shadow Defence Secretary" claims the shadow form of every UK alternative
for _phrase, _alternatives in list(_PHRASES.items()):
    _shadow = tuple(("shadow:" + t, UK) for t, c in _alternatives if c in (UK, _ANY))
    if _shadow:
        _PHRASES["shadow " + _phrase] = _shadow
_add("shadow chancellor", _alts(("shadow:finance", UK)))
_add("leader of opposition|opposition leader", _alts(("uk:leader_of_the_opposition", UK)))

# every word a title phrase can be made of, for walking back from a name
TITLE_WORDS: frozenset[str] = frozenset(w for p in _PHRASES for w in p.split()) | {
    "the", "of", "for", "defense", "u.s.", "eu", "un", "nato", "general", "secretary-general",
}
MODIFIERS: dict[str, str] = {
    "former": "former", "ex": "former", "late": "former", "then": "then",
    "outgoing": "current", "current": "current", "new": "current", "incumbent": "current",
    "sitting": "current",
}
# words that make the title mean something else: skip the mention
BLOCKERS: frozenset[str] = frozenset({
    "acting", "interim", "caretaker", "deputy", "assistant", "junior", "vice", "under",
    "incoming", "designate", "elect", "future", "would-be", "prospective", "potential",
    "candidate", "hopeful", "nominee", "permanent", "state", "parliamentary", "principal",
    "associate", "first", "second", "chief", "minister", "private", "press",
})


def _normalise(phrase: str) -> tuple[str, bool]:
    low = phrase.lower().replace("’", "'").replace("-", " ")
    us = "defense" in low
    low = low.replace("defense", "defence")
    words = [w for w in low.split() if w not in ("the",)]
    return " ".join(words), us


def lookup(phrase: str) -> TitleClaim | None:
    """The claim a bare title phrase (no country, no modifier) makes; None when unknown."""
    norm, us = _normalise(phrase)
    alts = _PHRASES.get(norm)
    if alts is None:
        return None
    return TitleClaim(norm, alts, us)
