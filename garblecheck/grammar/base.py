"""Grammar engines behind one interface, and the analyser that turns their matches into findings.

An engine checks a whole document and returns matches in its own terms (rule id, category,
message, replacements) with code-point offsets into the text; given the document's
segmentation, it may leave out text that cannot hold a match reported here (Harper parses only
the sentences its rules could fire in). The rule files of kind ``grammar``
say which matches each garblecheck code reports; matches no code claims, and matches outside
prose sentences (headings, captions, boilerplate), are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from garblecheck.analyser import Analyser, Context
from garblecheck.config import Config
from garblecheck.model import Finding, Origin, Segmentation
from garblecheck.rules.base import RuleKind
from garblecheck.rules.kinds.grammar import GrammarKind


@dataclass(frozen=True)
class Match:
    """One problem an engine reported, in the engine's own terms."""

    rule: str  # the engine's rule id: "PronounVerbAgreement", "EN_A_VS_AN"
    category: str  # Harper's lint kind, LanguageTool's category id
    start: int  # code-point offsets into the checked text
    end: int
    message: str
    replacements: tuple[str, ...] = ()


class Engine(Protocol):
    """A grammar checker: ``name`` is the ``engine`` value rule files use."""

    name: str

    def check(self, text: str, locale: str | None, seg: Segmentation | None = None) -> list[Match]:
        """Every match in ``text`` (in its prose sentences, at least, when ``seg`` is given);
        raises EngineError (one line) when the engine fails."""
        ...


class GrammarAnalyser(Analyser):
    """Runs each engine once per document and reports the matches a grammar rule claims."""

    name: ClassVar[str] = "grammar"
    origin: ClassVar[Origin] = "grammar"

    def __init__(self, kinds: Iterable[RuleKind], engines: Sequence[Engine], config: Config):
        self.kinds = [
            k for k in kinds if isinstance(k, GrammarKind) and config.enabled(k.spec.code)
        ]
        wanted = {k.engine for k in self.kinds}
        self.engines = [e for e in engines if e.name in wanted]

    def analyse(self, ctx: Context) -> list[Finding]:
        findings = []
        for engine in self.engines:
            kinds = [k for k in self.kinds if k.engine == engine.name]
            for match in engine.check(ctx.doc.text, ctx.locale, ctx.doc.seg):
                finding = self._finding(ctx, engine.name, kinds, match)
                if finding is not None:
                    findings.append(finding)
        return findings

    @staticmethod
    def _finding(
        ctx: Context, engine: str, kinds: list[GrammarKind], match: Match
    ) -> Finding | None:
        if ctx.doc.seg.sentence_at(match.start) is None:
            return None
        best = max(kinds, key=lambda k: k.claims(engine, match.rule, match.category), default=None)
        if best is None or not best.claims(engine, match.rule, match.category):
            return None
        flagged = ctx.doc.text[match.start : match.end]
        if not best.accepts(flagged):
            return None
        suggestion = match.replacements[0] if match.replacements else None
        return best.finding(
            ctx,
            match.start,
            match.end,
            match.message or best.spec.message,
            suggestion=suggestion,
            evidence=f"{engine} {match.rule}: “{flagged}”",
        )
