"""Arms supplied to a party under embargo: a rewrite that swapped the sides of a conflict.

Machine translation and spinners turn "Ukrainian forces" into "Russian forces" and leave a
sentence in which NATO arms Russia. The knowledge file (``rules/knowledge/arms-embargoes.yaml``)
says who has embargoed arms to whom since when; a sentence in which a party to an embargo
supplies weapons to its target while the embargo was in force is reported. No tagger: a supply
verb, a weapon noun and the recipient in one of two orders ("supply arms to X", "supply X with
arms"), the supplier being the parties named before the verb. Sentences about the embargo
itself, about accusations, plans, bans or smuggling, and sentences naming a third country
before the verb (which may be the supplier: "the US said China was sending arms to Russia")
are left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from garblecheck.analyser import Context
from garblecheck.dates import not_before
from garblecheck.knowledge.countries import COUNTRY_FORMS
from garblecheck.model import Finding, Sentence, Severity
from garblecheck.packs import knowledge_path
from garblecheck.rules.base import Option, RuleKind, register
from garblecheck.rules.kinds.institutions import alternatives, load_knowledge
from garblecheck.rules.kinds.knowledge_file import KnowledgeReader

_VERB = (
    r"(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|send(?:s|ing)?|sent"
    r"|deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?|sell(?:s|ing)?|sold"
    r"|transfer(?:s|red|ring)?|export(?:s|ed|ing)?|(?:giv(?:e|es|ing)|gave)(?!\s+up\b))"
)
_WEAPON = (
    r"(?:arms|weapons?|weapon systems|weaponry|munitions|ammunition|missiles|rockets|drones"
    r"|artillery|tanks|shells|(?:military|lethal) (?:aid|equipment|hardware|supplies)"
    r"|(?:fighter )?jets|air defen[cs]es)"
)
_ANY_WEAPON = re.compile(rf"\b{_WEAPON}\b", re.IGNORECASE)  # sentences worth a closer look
_FILL = r"(?:(?!to\b)[\w’'-]+,?\s+){0,4}?"  # a few words, none of them "to"
# words before the verb that make the supply hypothetical, refused, denied or reported
_HEDGE = re.compile(
    r"\b(?:not|n[’']t|never|no|nor|stop(?:s|ped)?|halt(?:s|ed)?|ban(?:s|ned)?|refus\w*"
    r"|suspend\w*|accus\w*|alleg\w*|den(?:y|ies|ied)|whether|if|illegal(?:ly)?|consider\w*"
    r"|want(?:s|ed)?|plan(?:s|ned)?|may|might|could|reportedly|suspected|believed|secretly"
    r"|without|resum\w*|lift\w*|instead)\b",
    re.IGNORECASE,
)
# words anywhere in the sentence that make it about breaking or debating an embargo
_ABOUT_EMBARGO = re.compile(
    r"\b(?:embargo\w*|smuggl\w*|violat\w*|breach\w*|evad\w*|circumvent\w*|sanctions-bust\w*"
    r"|investigat\w*|prob(?:e|es|ed|ing)|charged|convicted|arrested)\b",
    re.IGNORECASE,
)
_HEDGE_WORDS = 6  # how far before the verb a hedge counts
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Embargo:
    target: str
    parties: frozenset[str]  # canonical country names
    words: re.Pattern[str] | None  # other names of the parties
    recipient: str  # regex source: any name of the target
    since: dt.date
    until: dt.date | None
    source: str

    def in_force(self, date: dt.date) -> bool:
        return self.since <= date and (self.until is None or date <= self.until)


def _alternatives(forms: list[str]) -> str:
    """Any of the forms, longest first; a leading "the" may open a sentence ("The West")."""
    return alternatives(forms + [f"T{f[1:]}" for f in forms if f.startswith("the ")])


class _Reader(KnowledgeReader):
    """Validates the embargoes file, naming the key of anything wrong."""

    def names(self, value: Any, where: str) -> list[str]:
        """A list of strings; lists inside it (YAML aliases of groups) are spliced in."""
        if isinstance(value, list):
            value = [v for item in value for v in (item if isinstance(item, list) else [item])]
        return self.strings(value, where)

    def date(self, value: Any, where: str) -> dt.date:
        if not isinstance(value, dt.date):
            raise self.fail(where, "must be a date (YYYY-MM-DD)")
        return value

    def embargo(self, item: Any, where: str) -> Embargo:
        allowed = {"target", "forms", "parties", "words", "since", "until", "source"}
        item = self.mapping(item, where, allowed)
        target = item.get("target")
        own = [f for f, c in COUNTRY_FORMS.items() if c == target]
        if not own:
            raise self.fail(f"{where}.target", f"unknown country {target!r}")
        parties = self.names(item.get("parties"), f"{where}.parties")
        unknown = [p for p in parties if p not in COUNTRY_FORMS.values()]
        if unknown:
            raise self.fail(f"{where}.parties", f"unknown country {unknown[0]!r}")
        words = self.names(item.get("words", []), f"{where}.words")
        if not isinstance(item.get("source"), str):
            raise self.fail(f"{where}.source", "must say where the embargo is stated")
        forms = own + self.names(item.get("forms", []), f"{where}.forms")
        return Embargo(
            target=str(target),
            parties=frozenset(parties),
            words=re.compile(rf"(?<!\w)(?:{_alternatives(words)})(?!\w)") if words else None,
            recipient=_alternatives(forms),
            since=self.date(item.get("since"), f"{where}.since"),
            until=self.date(item["until"], f"{where}.until") if "until" in item else None,
            source=" ".join(item["source"].split()),
        )


@cache
def load_embargoes(path: Path) -> tuple[Embargo, ...]:
    """The knowledge file, validated and compiled once per process."""
    reader = _Reader(path)
    data = reader.load("arms embargoes")
    items = data.get("embargoes") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise reader.fail("embargoes", "must be a non-empty list")
    return tuple(reader.embargo(item, f"embargoes.{i}") for i, item in enumerate(items))


def _supplies(recipient: str) -> re.Pattern[str]:
    """"supply (light) arms to (the) X" or "supply (the) X (army) with arms"."""
    to = rf"(?P<verb>{_VERB})\s+{_FILL}{_WEAPON}\s+{_FILL}to\s+(?:the\s+)?(?:{recipient})(?!\w)"
    with_ = (
        rf"(?P<verb2>{_VERB})\s+(?:the\s+)?(?:{recipient})(?!\w)\s*(?:[\w’'-]+\s+){{0,2}}?"
        rf"with\s+{_FILL}{_WEAPON}(?!\w)"
    )
    return re.compile(rf"\b(?:{to}|{with_})")


@register
class EmbargoRule(RuleKind):
    """Flags arms supplied by a party to an embargo to its target while it was in force."""

    kind: ClassVar[str] = "embargoes"
    placeholders: ClassVar[frozenset[str] | None] = frozenset(
        {"match", "target", "since", "source"}
    )
    options: ClassVar[dict[str, Option]] = {
        "knowledge": Option(str, default="arms-embargoes.yaml"),
        "places": Option(str, default="institutions.yaml"),
    }

    def prepare(self) -> None:
        self.embargoes = load_embargoes(knowledge_path(self.spec.options["knowledge"]))
        self.places = load_knowledge(knowledge_path(self.spec.options["places"]))
        self.patterns = [(e, _supplies(e.recipient)) for e in self.embargoes]

    def check(self, ctx: Context) -> list[Finding]:
        text = ctx.doc.text
        hits = [
            (embargo, s.start + verb_at, s.start + end)
            for s in ctx.doc.seg.sentences
            if _ANY_WEAPON.search(text, s.start, s.end) and not _ABOUT_EMBARGO.search(s.text)
            for embargo, verb_at, end in self._supplies(s)
            # a year before the embargo in the sentence: it tells of that time
            if not any(int(y) < embargo.since.year for y in _YEAR.findall(s.text))
            and self._supplier_is_party(embargo, s.text[:verb_at])
        ]
        if not hits:
            return []
        # an undated article is known to be from after "since YEAR" (looked for once)
        bound = not_before(text) if ctx.date is None else None
        findings: list[Finding] = []
        for embargo, start, end in hits:
            if ctx.date is not None:
                if not embargo.in_force(ctx.date):
                    continue
                sure = True
            else:
                sure = bound is not None and embargo.since <= bound and embargo.until is None
            findings.append(self._finding(ctx, embargo, start, end, sure))
        return findings

    def _supplies(self, s: Sentence) -> Iterator[tuple[Embargo, int, int]]:
        """Each unhedged supply of weapons to an embargo's target: (embargo, verb, end)."""
        for embargo, pattern in self.patterns:
            for m in pattern.finditer(s.text):
                verb_at = m.start("verb") if m.group("verb") else m.start("verb2")
                before = s.text[:verb_at].split()[-_HEDGE_WORDS:]
                if not _HEDGE.search(" ".join(before)):
                    yield embargo, verb_at, m.end()

    def _supplier_is_party(self, embargo: Embargo, before: str) -> bool:
        """A party is named before the verb, and no country that is neither party nor
        target (which could be the real supplier)."""
        named = {country for _, _, country in self.places.named(before, 0, len(before))}
        if named - embargo.parties - {embargo.target}:
            return False
        by_word = embargo.words is not None and embargo.words.search(before) is not None
        return by_word or bool(named & embargo.parties)

    def _finding(
        self, ctx: Context, embargo: Embargo, start: int, end: int, sure: bool
    ) -> Finding:
        """A finding; ``sure`` when the article is known to be from a time the embargo held:
        dated, or speaking of "since" a year after it began. Otherwise only info."""
        message = self.spec.message.format(
            match=ctx.doc.text[start:end], target=embargo.target,
            since=f"{embargo.since:%d %B %Y}".lstrip("0"), source=embargo.source,
        )  # fmt: skip
        if ctx.date is None:
            message += (
                " (the article has no date, but speaks of years after it began)"
                if sure
                else " (the article has no date)"
            )
        return self.finding(
            ctx, start, end, message, evidence=embargo.source,
            severity=None if sure else Severity.INFO,
        )  # fmt: skip
